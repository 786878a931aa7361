using ContinuousImprovement.Asl.Definition;
using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Paths;

namespace ContinuousImprovement.Asl.States;

/// <summary>One entry of a state's Catch list.</summary>
internal sealed class Catcher
{
    private Catcher(IReadOnlyList<string> errorEquals, string next, Optional<ReferencePath> resultPath)
    {
        ErrorEquals = errorEquals;
        Next = next;
        ResultPath = resultPath;
    }

    public IReadOnlyList<string> ErrorEquals { get; }

    public string Next { get; }

    public Optional<ReferencePath> ResultPath { get; }

    public static IReadOnlyList<Catcher> ReadAll(FieldReader state)
    {
        var list = state.Array("Catch");
        if (list is null)
        {
            return [];
        }

        var catchers = new List<Catcher>();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not JsonObject obj)
            {
                state.Problem($"Catch[{i}] must be an object");
                continue;
            }

            var reader = new FieldReader(obj, $"{state.Where}.Catch[{i}]", state.Problems);
            var errors = Retrier.ErrorEqualsOf(reader);
            var next = reader.String("Next", required: true);
            var resultPath = reader.ReferencePath("ResultPath");
            reader.RejectUnknownFields();
            if (next is not null)
            {
                catchers.Add(new Catcher(errors, next, resultPath));
            }
        }

        Retrier.CheckAllIsLast(state, "Catch", catchers.Select(c => c.ErrorEquals).ToList());
        return catchers;
    }
}
