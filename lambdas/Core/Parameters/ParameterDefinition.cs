namespace ContinuousImprovement.Core.Parameters;

/// <summary>One operator parameter as the catalog defines it.</summary>
/// <param name="Name">Short name, e.g. <c>Minimum-F1-Score</c>; the Parameter Store name is the catalog prefix plus this.</param>
/// <param name="Default">The default as Parameter Store holds it (a string), valid by the same rules as any operator value.</param>
/// <param name="Applies">Key of what a change re-applies (see <see cref="ParameterCatalog.AppliesDescriptions"/>).</param>
public sealed record ParameterDefinition(
    string Name,
    string Group,
    ParameterType Type,
    string Default,
    double? Minimum,
    double? Maximum,
    string? Unit,
    IReadOnlyList<string> AllowedValues,
    string Applies,
    string Description,
    bool LimitedByDeployment = false)
{
    /// <summary>The allowed range or values in words, as error messages and the README show them.</summary>
    public string AllowedText => Type switch
    {
        ParameterType.Boolean => "true or false",
        ParameterType.Integer => $"a whole number from {Format(Minimum)} to {Format(Maximum)}",
        ParameterType.Number => $"a number from {Format(Minimum)} to {Format(Maximum)}",
        ParameterType.Choice => "one of " + string.Join(", ", AllowedValues) + (LimitedByDeployment ? " (all this deployment has)" : ""),
        ParameterType.List => "comma-separated, any of " + string.Join(", ", AllowedValues),
        ParameterType.TextList => "comma-separated text",
        _ => throw new InvalidOperationException($"Unknown parameter type {Type}."),
    };

    private static string Format(double? bound) => bound?.ToString("0.###") ?? "?";
}
