using ContinuousImprovement.Asl.Definition;
using ContinuousImprovement.Asl.Intrinsics;
using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.States;

/// <summary>One entry of a state's Retry list.</summary>
internal sealed class Retrier
{
    private Retrier(IReadOnlyList<string> errorEquals, double intervalSeconds, int maxAttempts, double backoffRate, double? maxDelaySeconds, bool fullJitter)
    {
        ErrorEquals = errorEquals;
        IntervalSeconds = intervalSeconds;
        MaxAttempts = maxAttempts;
        BackoffRate = backoffRate;
        MaxDelaySeconds = maxDelaySeconds;
        FullJitter = fullJitter;
    }

    public IReadOnlyList<string> ErrorEquals { get; }

    public double IntervalSeconds { get; }

    public int MaxAttempts { get; }

    public double BackoffRate { get; }

    public double? MaxDelaySeconds { get; }

    public bool FullJitter { get; }

    /// <summary>The wait before retry number <paramref name="attempt"/> (1-based), capped by MaxDelaySeconds, jittered when asked.</summary>
    public TimeSpan Delay(int attempt, IIntrinsicEnvironment random)
    {
        var seconds = IntervalSeconds * Math.Pow(BackoffRate, attempt - 1);
        if (MaxDelaySeconds is { } cap)
        {
            seconds = Math.Min(seconds, cap);
        }

        if (FullJitter)
        {
            seconds *= random.NextRandom();
        }

        return TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.MaxValue.TotalSeconds / 2));
    }

    public static IReadOnlyList<Retrier> ReadAll(FieldReader state)
    {
        var list = state.Array("Retry");
        if (list is null)
        {
            return [];
        }

        var retriers = new List<Retrier>();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not JsonObject obj)
            {
                state.Problem($"Retry[{i}] must be an object");
                continue;
            }

            var reader = new FieldReader(obj, $"{state.Where}.Retry[{i}]", state.Problems);
            var errors = ErrorEqualsOf(reader);
            var interval = reader.Number("IntervalSeconds", 1, 99999999, integer: true) ?? 1;
            var attempts = reader.Number("MaxAttempts", 0, 99999999, integer: true) ?? 3;
            var backoff = reader.Number("BackoffRate", 1.0) ?? 2.0;
            var maxDelay = reader.Number("MaxDelaySeconds", 1, 31622400, integer: true);
            var jitter = reader.String("JitterStrategy") ?? "NONE";
            if (jitter is not ("FULL" or "NONE"))
            {
                reader.Problem("'JitterStrategy' must be FULL or NONE");
            }

            reader.RejectUnknownFields();
            retriers.Add(new Retrier(errors, interval, (int)attempts, backoff, maxDelay, jitter == "FULL"));
        }

        CheckAllIsLast(state, "Retry", retriers.Select(r => r.ErrorEquals).ToList());
        return retriers;
    }

    internal static IReadOnlyList<string> ErrorEqualsOf(FieldReader reader)
    {
        var array = reader.Array("ErrorEquals", required: true);
        if (array is null)
        {
            return [];
        }

        if (array.Count == 0 || array.Any(e => e is not JsonString { Value.Length: > 0 }))
        {
            reader.Problem("'ErrorEquals' must be a non-empty array of error names");
            return [];
        }

        var names = array.Select(e => ((JsonString)e).Value).ToList();
        if (names.Contains(StatesErrors.All) && names.Count > 1)
        {
            reader.Problem("'States.ALL' must appear alone in 'ErrorEquals'");
        }

        return names;
    }

    internal static void CheckAllIsLast(FieldReader state, string field, IReadOnlyList<IReadOnlyList<string>> lists)
    {
        for (var i = 0; i < lists.Count - 1; i++)
        {
            if (lists[i].Contains(StatesErrors.All))
            {
                state.Problem($"the {field} entry with 'States.ALL' must be the last one");
            }
        }
    }
}
