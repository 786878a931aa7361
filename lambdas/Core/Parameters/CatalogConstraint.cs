namespace ContinuousImprovement.Core.Parameters;

/// <summary>A rule between two parameters that each value alone cannot express: <c>Left ≤ Right</c>.</summary>
public sealed record CatalogConstraint(string Left, string Right, string Description)
{
    public static bool HoldsFor(double left, double right) => left <= right;
}
