using System.Text.Json;
using ContinuousImprovement.Aws.Model;

namespace ContinuousImprovement.Aws.Tests.Protocols;

/// <summary>One case of botocore's protocol tests (shared/aws/protocol-tests), with the model its suite declares.</summary>
internal sealed record ProtocolTestCase(string File, string Id, ServiceModel Model, OperationModel Operation, JsonElement Case);

/// <summary>
/// Loads botocore's protocol test files. Cases that exercise features our clients do not use are listed with the reason,
/// so the count of skipped cases is visible and a new feature can be switched on by deleting its line.
/// </summary>
internal static class ProtocolTestSuite
{
    public static readonly IReadOnlyDictionary<string, string> NotUsed = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["union"] = "unions (no operation we call has one)",
        ["document"] = "document types (none in our operations)",
        ["endpoint"] = "host prefixes from the endpoint trait (none in our operations)",
        ["encoding"] = "request compression (not used)",
        ["checksum"] = "HTTP checksums (not used)",
        ["mediatype"] = "media-type headers (not used)",
    };

    private static readonly Lazy<Dictionary<string, List<ProtocolTestCase>>> Cache = new(() => new Dictionary<string, List<ProtocolTestCase>>());

    public static IReadOnlyList<ProtocolTestCase> Load(string file)
    {
        lock (Cache)
        {
            if (!Cache.Value.TryGetValue(file, out var cases))
            {
                using var document = JsonDocument.Parse(System.IO.File.ReadAllText(AwsFixtures.Shared("protocol-tests", file)));
                cases = [];
                foreach (var suite in document.RootElement.EnumerateArray())
                {
                    foreach (var testCase in suite.GetProperty("cases").EnumerateArray())
                    {
                        var given = testCase.GetProperty("given").Clone();
                        var model = ServiceModel.FromParts(suite.GetProperty("metadata").Clone(), suite.GetProperty("shapes").Clone(), [given]);
                        var operation = model.Operation(given.GetProperty("name").GetString()!);
                        cases.Add(new ProtocolTestCase(file, testCase.GetProperty("id").GetString()!, model, operation, testCase.Clone()));
                    }
                }
                Cache.Value[file] = cases;
            }
            return cases;
        }
    }

    public static ProtocolTestCase Case(string file, string id) => Load(file).Single(c => c.Id == id);

    /// <summary>Why a case is not run, or null when it is.</summary>
    public static string? SkipReason(ProtocolTestCase testCase)
    {
        var text = (testCase.Id + " " + testCase.Operation.Name).ToUpperInvariant();
        var shapes = testCase.Model.Shapes.Values;
        if (text.Contains("UNION", StringComparison.Ordinal) || shapes.Any(s => s.Name.Contains("Union", StringComparison.Ordinal)))
        {
            return NotUsed["union"];
        }
        if (text.Contains("DOCUMENT", StringComparison.Ordinal) || shapes.Any(s => s.Type == ShapeType.Document))
        {
            return NotUsed["document"];
        }
        if (text.Contains("ENDPOINT", StringComparison.Ordinal) || text.Contains("HOSTWITHPATH", StringComparison.Ordinal))
        {
            return NotUsed["endpoint"];
        }
        if (text.Contains("CONTENTENCODING", StringComparison.Ordinal) || text.Contains("GZIP", StringComparison.Ordinal))
        {
            return NotUsed["encoding"];
        }
        if (text.Contains("CHECKSUM", StringComparison.Ordinal))
        {
            return NotUsed["checksum"];
        }
        if (text.Contains("MEDIATYPE", StringComparison.Ordinal))
        {
            return NotUsed["mediatype"];
        }
        return null;
    }

    public static TheoryData<string, string> Cases(params string[] files)
    {
        var data = new TheoryData<string, string>();
        foreach (var file in files)
        {
            foreach (var testCase in Load(file).Where(c => SkipReason(c) is null))
            {
                data.Add(file, testCase.Id);
            }
        }
        return data;
    }
}
