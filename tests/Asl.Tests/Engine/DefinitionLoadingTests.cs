using ContinuousImprovement.Asl.Definition;

namespace ContinuousImprovement.Asl.Tests.Engine;

public sealed class DefinitionLoadingTests
{
    private static AslDefinitionException LoadFails(string definition) =>
        Assert.Throws<AslDefinitionException>(() => new EngineHarness().Function("Known", x => x).Load(definition));

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("""{"States":{}}""", "definition: 'StartAt' is required")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"}}}""", "state 'A': moves to 'B', which is not a state here")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass"}}}""", "state 'A': needs 'Next' or 'End': true")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","End":true,"Next":"A"}}}""", "state 'A': has both 'Next' and 'End'")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","End":true},"B":{"Type":"Succeed"}}}""", "state 'B': is not reachable from StartAt 'A'")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pause","End":true}}}""", "state 'A': unknown state type 'Pause'")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","End":true,"Reslt":1}}}""", "state 'A': unknown field 'Reslt'")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:Nope","End":true}}}""", "state 'A': no local function is registered for 'arn:aws:lambda:us-east-1:123456789012:function:Nope'")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::sns:publish","End":true}}}""", "no local handler is registered for resource 'arn:aws:states:::sns:publish'")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Wait","End":true}}}""", "needs exactly one of 'Seconds', 'SecondsPath', 'Timestamp' or 'TimestampPath'")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Choice","Choices":[{"Variable":"$.x","Next":"A"}]}}}""", "has no comparison operator")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","ResultPath":"$.a[*]","End":true}}}""", "'ResultPath' is not a valid reference path")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"x.$":"States.Nope()"},"End":true}}}""", "'x.$' is not a valid intrinsic function")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:Known","Retry":[{"ErrorEquals":["States.ALL"]},{"ErrorEquals":["X"]}],"End":true}}}""", "the Retry entry with 'States.ALL' must be the last one")]
    [InlineData("""{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}""", "QueryLanguage 'JSONata' is not supported")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED"},"StartAt":"B","States":{"B":{"Type":"Pass","End":true}}},"End":true}}}""", "Mode 'DISTRIBUTED' is not supported locally")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Parallel","Branches":[{"StartAt":"B","States":{"B":{"Type":"Pass","Next":"A"}}}],"End":true}}}""", "state 'B': moves to 'A', which is not a state here")]
    public void Invalid_definitions_are_refused_at_load_naming_the_state_and_the_reason(string definition, string problem) =>
        Assert.Contains(LoadFails(definition).Problems, p => p.Contains(problem, StringComparison.Ordinal));

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var error = LoadFails("""{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"X"},"B":{"Type":"Wait","End":true}}}""");

        Assert.True(error.Problems.Count >= 3, string.Join("\n", error.Problems));
    }

    [Fact]
    public void Placeholders_are_filled_from_the_substitutions_as_cdk_does()
    {
        var harness = new EngineHarness().Function("Detect", x => x);
        const string Definition = """{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"${DetectFn}","Parameters":{"quote":"${Quote}"},"End":true}}}""";

        var machine = harness.Load(Definition, new Dictionary<string, string> { ["DetectFn"] = EngineHarness.Fn("Detect"), ["Quote"] = "say \"hi\"" });

        Assert.Equal("Test", machine.Name);
        var error = Assert.Throws<AslDefinitionException>(() => harness.Load(Definition, new Dictionary<string, string> { ["DetectFn"] = EngineHarness.Fn("Detect") }));
        Assert.Contains("placeholders without a substitution: ${Quote}", error.Problems);
    }
}
