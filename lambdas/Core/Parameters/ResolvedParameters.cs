namespace ContinuousImprovement.Core.Parameters;

/// <summary>
/// The operator values in force after applying the last-good rule, with every problem found and the
/// updated last-good memory to store back in the system parameter.
/// </summary>
public sealed class ResolvedParameters
{
    internal ResolvedParameters(
        IReadOnlyDictionary<string, ParameterValue> values,
        IReadOnlyDictionary<string, InForceSource> sources,
        IReadOnlyList<ParameterProblem> problems,
        IReadOnlyList<string> unknownNames,
        IReadOnlyDictionary<string, string> lastGood)
    {
        Values = values;
        Sources = sources;
        Problems = problems;
        UnknownNames = unknownNames;
        LastGood = lastGood;
    }

    public IReadOnlyDictionary<string, ParameterValue> Values { get; }

    public IReadOnlyDictionary<string, InForceSource> Sources { get; }

    public IReadOnlyList<ParameterProblem> Problems { get; }

    /// <summary>Names found under the prefix that the catalog does not know (typos, leftovers).</summary>
    public IReadOnlyList<string> UnknownNames { get; }

    /// <summary>Canonical value of every parameter whose value in force is the operator's (or was before).</summary>
    public IReadOnlyDictionary<string, string> LastGood { get; }

    public bool Boolean(string name) => Get<BooleanValue>(name).Value;

    public long Integer(string name) => Get<IntegerValue>(name).Value;

    /// <summary>Numeric value of an integer or number parameter.</summary>
    public double Number(string name) => Values[name] switch
    {
        NumberValue n => n.Value,
        IntegerValue i => i.Value,
        var other => throw new InvalidOperationException($"{name} is {other.GetType().Name}, not numeric."),
    };

    public string Choice(string name) => Get<ChoiceValue>(name).Value;

    public IReadOnlyList<string> List(string name) => Get<ListValue>(name).Items;

    private T Get<T>(string name)
        where T : ParameterValue =>
        Values.TryGetValue(name, out var value)
            ? value as T ?? throw new InvalidOperationException($"{name} is {value.GetType().Name}, not {typeof(T).Name}.")
            : throw new KeyNotFoundException($"'{name}' is not in the parameter catalog.");
}
