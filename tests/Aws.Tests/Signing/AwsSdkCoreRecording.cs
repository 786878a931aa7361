using System.Text.Json;

namespace ContinuousImprovement.Aws.Tests.Signing;

/// <summary>The headers AWSSDK.Core 4.0.102.19's AWSSigV4Signer produced for each golden request (awssdk-core-*.jsonl).</summary>
internal static class AwsSdkCoreRecording
{
    private static readonly Lazy<Dictionary<string, Dictionary<string, string>>> Lines = new(() =>
        File.ReadLines(AwsFixtures.Shared("golden-signed-requests", "awssdk-core-4.0.102.19-AWSSigV4Signer.jsonl"))
            .Where(l => l.Length > 0)
            .Select(l => JsonDocument.Parse(l))
            .ToDictionary(
                d => d.RootElement.GetProperty("case").GetString()!,
                d => d.RootElement.GetProperty("headers").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.OrdinalIgnoreCase)));

    public static IReadOnlyDictionary<string, string> For(string name) => Lines.Value[name];

    public static int Count => Lines.Value.Count;
}
