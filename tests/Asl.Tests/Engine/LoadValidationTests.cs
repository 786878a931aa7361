using ContinuousImprovement.Asl.Definition;
using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Runtime;

namespace ContinuousImprovement.Asl.Tests.Engine;

/// <summary>Definitions Step Functions refuses at CreateStateMachine, which the engine must refuse at load rather than run wrongly.</summary>
public sealed class LoadValidationTests
{
    private const string Task = "arn:aws:lambda:us-east-1:123456789012:function:Known";

    private static IReadOnlyList<string> Problems(string definition) =>
        Assert.Throws<AslDefinitionException>(() => new EngineHarness().Function("Known", x => x).Load(definition)).Problems;

    private static string ChoiceOn(string condition) =>
        """{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.x",CONDITION,"Next":"D"}],"Default":"D"},"D":{"Type":"Succeed"}}}"""
            .Replace("CONDITION", condition, StringComparison.Ordinal);

    [Theory]
    [InlineData("IsPresentPath")]
    [InlineData("IsNullPath")]
    [InlineData("IsNumericPath")]
    [InlineData("IsStringPath")]
    [InlineData("IsBooleanPath")]
    [InlineData("IsTimestampPath")]
    [InlineData("StringMatchesPath")]
    public void Path_forms_of_type_tests_and_string_matches_do_not_exist_and_are_refused_naming_the_state(string op)
    {
        var problems = Problems(ChoiceOn($"\"{op}\":\"$.y\""));

        var problem = Assert.Single(problems);
        Assert.Equal($"state 'C'.Choices[0]: '{op}' is not a Step Functions operator: only the String, Numeric, Boolean and Timestamp comparisons (Equals, LessThan, GreaterThan, LessThanEquals, GreaterThanEquals) have a Path form", problem);
    }

    [Fact]
    public void A_nonexistent_path_operator_inside_a_nested_rule_is_refused_too()
    {
        var problems = Problems(ChoiceOn("\"Comment\":\"x\"").Replace("\"Variable\":\"$.x\",\"Comment\":\"x\",", "\"And\":[{\"Variable\":\"$.x\",\"IsPresentPath\":\"$.y\"}],", StringComparison.Ordinal));

        Assert.Contains(problems, p => p.StartsWith("state 'C'.Choices[0].And[0]: 'IsPresentPath' is not a Step Functions operator", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("StringEqualsPath", """{"x":"a","y":"a"}""", true)]
    [InlineData("StringEqualsPath", """{"x":"a","y":"b"}""", false)]
    [InlineData("StringLessThanPath", """{"x":"a","y":"b"}""", true)]
    [InlineData("NumericGreaterThanEqualsPath", """{"x":3,"y":3}""", true)]
    [InlineData("NumericLessThanPath", """{"x":3,"y":2}""", false)]
    [InlineData("BooleanEqualsPath", """{"x":true,"y":true}""", true)]
    [InlineData("TimestampGreaterThanPath", """{"x":"2026-01-02T00:00:00Z","y":"2026-01-01T00:00:00Z"}""", true)]
    public async Task The_real_path_comparisons_compare_against_the_value_the_path_selects(string op, string input, bool holds)
    {
        var definition = """{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.x","OP":"$.y","Next":"Yes"}],"Default":"No"},"Yes":{"Type":"Pass","Result":"yes","End":true},"No":{"Type":"Pass","Result":"no","End":true}}}"""
            .Replace("OP", op, StringComparison.Ordinal);

        var execution = await new EngineHarness().RunAsync(definition, input);

        Assert.Equal(JsonValue.From(holds ? "yes" : "no"), execution.Output);
    }

    [Theory]
    [InlineData("Task", "\"TimeoutSeconds\":10,\"TimeoutSecondsPath\":\"$.t\"", "TimeoutSeconds")]
    [InlineData("Task", "\"HeartbeatSeconds\":10,\"HeartbeatSecondsPath\":\"$.h\"", "HeartbeatSeconds")]
    [InlineData("Map", "\"MaxConcurrency\":2,\"MaxConcurrencyPath\":\"$.m\"", "MaxConcurrency")]
    [InlineData("Map", "\"ToleratedFailureCount\":1,\"ToleratedFailureCountPath\":\"$.c\"", "ToleratedFailureCount")]
    [InlineData("Map", "\"ToleratedFailurePercentage\":10,\"ToleratedFailurePercentagePath\":\"$.p\"", "ToleratedFailurePercentage")]
    public void A_field_given_together_with_its_path_form_is_refused(string type, string fields, string field)
    {
        var body = type == "Task"
            ? $"\"Type\":\"Task\",\"Resource\":\"{Task}\""
            : "\"Type\":\"Map\",\"ItemProcessor\":{\"StartAt\":\"I\",\"States\":{\"I\":{\"Type\":\"Pass\",\"End\":true}}}";

        var problems = Problems($"{{\"StartAt\":\"S\",\"States\":{{\"S\":{{{body},{fields},\"End\":true}}}}}}");

        Assert.Equal($"state 'S': has both '{field}' and '{field}Path'; give only one of them", Assert.Single(problems));
    }

    [Theory]
    [InlineData(10, 10)]
    [InlineData(11, 10)]
    [InlineData(99, 1)]
    public void A_heartbeat_not_smaller_than_the_timeout_is_refused(int heartbeat, int timeout)
    {
        var problems = Problems($"{{\"StartAt\":\"T\",\"States\":{{\"T\":{{\"Type\":\"Task\",\"Resource\":\"{Task}\",\"HeartbeatSeconds\":{heartbeat},\"TimeoutSeconds\":{timeout},\"End\":true}}}}}}");

        Assert.Equal($"state 'T': 'HeartbeatSeconds' ({heartbeat}) must be smaller than 'TimeoutSeconds' ({timeout})", Assert.Single(problems));
    }

    [Fact]
    public void A_heartbeat_smaller_than_the_timeout_loads()
    {
        var machine = new EngineHarness().Function("Known", x => x)
            .Load($"{{\"StartAt\":\"T\",\"States\":{{\"T\":{{\"Type\":\"Task\",\"Resource\":\"{Task}\",\"HeartbeatSeconds\":9,\"TimeoutSeconds\":10,\"End\":true}}}}}}");

        Assert.Equal("T", machine.Program.StartAt);
    }

    [Theory]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Parallel","Branches":[{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}],"End":true}}}""", "A")]
    [InlineData("""{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"Work","States":{"Work":{"Type":"Pass","End":true}}},{"StartAt":"Work","States":{"Work":{"Type":"Pass","End":true}}}],"End":true}}}""", "Work")]
    [InlineData("""{"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"Done","States":{"Done":{"Type":"Pass","End":true}}},"Next":"Done"},"Done":{"Type":"Succeed"}}}""", "Done")]
    [InlineData("""{"StartAt":"M","States":{"M":{"Type":"Map","Iterator":{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"M","States":{"M":{"Type":"Pass","End":true}}}],"End":true}}},"End":true}}}""", "M")]
    public void A_state_name_used_twice_anywhere_in_the_machine_is_refused(string definition, string name)
    {
        var problems = Problems(definition);

        Assert.Contains($"state '{name}': another state already has this name; state names must be unique in the whole state machine, Parallel branches and Map item processors included", problems);
    }

    [Theory]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","Type":"Succeed","End":true}}}""", "$.States.A: the field 'Type' appears more than once")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","End":true},"A":{"Type":"Succeed"}}}""", "$.States: the field 'A' appears more than once")]
    [InlineData("""{"StartAt":"A","StartAt":"B","States":{"A":{"Type":"Pass","End":true}}}""", "$: the field 'StartAt' appears more than once")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"list":[1,{"k":1,"k":2}]},"End":true}}}""", "$.States.A.Parameters.list[1]: the field 'k' appears more than once")]
    public void A_field_repeated_in_one_json_object_is_refused_naming_where_instead_of_keeping_the_last(string definition, string problem) =>
        Assert.Contains(problem + "; only one value can be meant", Problems(definition));

    [Fact]
    public void The_same_field_name_in_different_objects_is_not_a_repeat()
    {
        var machine = new EngineHarness().Load("""{"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"a":{"x":1},"b":{"x":2}},"Next":"B"},"B":{"Type":"Pass","Parameters":{"a":[{"x":1},{"x":2}]},"End":true}}}""");

        Assert.Equal(["A", "B"], machine.Program.States.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_projects_own_state_machines_have_no_repeated_fields_or_state_names()
    {
        var files = Directory.GetFiles(RepositoryFiles.Path("statemachine"), "*.asl.json");

        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.Empty(DuplicateFields.Find(text));
            var names = StateNamesIn(JsonValue.Parse(text)).ToList();
            Assert.True(names.Count == names.Distinct(StringComparer.Ordinal).Count(), $"{file} repeats a state name");
        }
    }

    private static IEnumerable<string> StateNamesIn(JsonValue value) => value switch
    {
        JsonObject obj => obj.SelectMany(m => (m.Key == "States" && m.Value is JsonObject states ? states.Keys : []).Concat(StateNamesIn(m.Value))),
        JsonArray array => array.SelectMany(StateNamesIn),
        _ => [],
    };
}
