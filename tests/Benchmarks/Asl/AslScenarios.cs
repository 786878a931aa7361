namespace ContinuousImprovement.Benchmarks.Asl;

/// <summary>
/// The definitions both engines run. Each names its Task states so the reference can override them by name,
/// and says how many states one execution enters (the transitions counted).
/// </summary>
internal static class AslScenarios
{
    public const string Fn = "arn:aws:lambda:us-east-1:123456789012:function:Work";

    public static readonly IReadOnlyList<AslScenario> All =
    [
        new(
            "chain5",
            "Task → Choice → Pass → Wait 0 s → Succeed",
            """
            {"StartAt":"Work","States":{
              "Work":{"Type":"Task","Resource":"FN","ResultPath":"$.result","Next":"Decide"},
              "Decide":{"Type":"Choice","Choices":[{"Variable":"$.result.ok","BooleanEquals":true,"Next":"Shape"}],"Default":"Shape"},
              "Shape":{"Type":"Pass","Parameters":{"id.$":"$.id","ok.$":"$.result.ok"},"Next":"Pause"},
              "Pause":{"Type":"Wait","Seconds":0,"Next":"Done"},
              "Done":{"Type":"Succeed"}}}
            """.Replace("FN", Fn, StringComparison.Ordinal),
            """{"id":"image-1","result":null}""",
            StatesPerExecution: 5,
            FailuresBeforeSuccess: 0),
        new(
            "map100",
            "Map over 100 items, a Task per item",
            """
            {"StartAt":"Each","States":{
              "Each":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":0,
                "ItemProcessor":{"StartAt":"Work","States":{"Work":{"Type":"Task","Resource":"FN","End":true}}},
                "ResultPath":"$.results","End":true}}}
            """.Replace("FN", Fn, StringComparison.Ordinal),
            "{\"items\":[" + string.Join(",", Enumerable.Range(0, 100).Select(i => $"{{\"n\":{i}}}")) + "]}",
            StatesPerExecution: 101,
            FailuresBeforeSuccess: 0),
        new(
            "retry",
            "Task failing twice, retried with backoff, then Succeed",
            """
            {"StartAt":"Work","States":{
              "Work":{"Type":"Task","Resource":"FN","Retry":[{"ErrorEquals":["Transient"],"IntervalSeconds":1,"BackoffRate":2,"MaxAttempts":3}],"Next":"Done"},
              "Done":{"Type":"Succeed"}}}
            """.Replace("FN", Fn, StringComparison.Ordinal),
            """{"id":"image-1"}""",
            StatesPerExecution: 2,
            FailuresBeforeSuccess: 2),
        new(
            "retry-throw",
            "the same, our handler throwing its failures",
            """
            {"StartAt":"Work","States":{
              "Work":{"Type":"Task","Resource":"FN","Retry":[{"ErrorEquals":["Transient"],"IntervalSeconds":1,"BackoffRate":2,"MaxAttempts":3}],"Next":"Done"},
              "Done":{"Type":"Succeed"}}}
            """.Replace("FN", Fn, StringComparison.Ordinal),
            """{"id":"image-1"}""",
            StatesPerExecution: 2,
            FailuresBeforeSuccess: 2,
            HandlerThrows: true),
    ];
}

/// <param name="FailuresBeforeSuccess">How many times the Task fails with "Transient" in each execution before it succeeds.</param>
/// <param name="HandlerThrows">Our handler throws its failures instead of returning them (the reference can only throw).</param>
internal sealed record AslScenario(string Name, string Description, string Definition, string Input, int StatesPerExecution, int FailuresBeforeSuccess, bool HandlerThrows = false);
