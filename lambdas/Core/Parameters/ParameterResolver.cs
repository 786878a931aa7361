namespace ContinuousImprovement.Core.Parameters;

/// <summary>
/// The last-good rule. For each catalog parameter: the operator's value when it is valid; otherwise the
/// last value that was valid; otherwise the catalog default — and the last two are always reported as a
/// <see cref="ParameterProblem"/>, never applied silently. Cross-parameter constraints are checked on the
/// values in force; a side the operator just changed is what gets reverted.
/// </summary>
/// <example>
/// Last good <c>Minimum-F1-Score</c> is <c>0.85</c>; the operator writes <c>1.7</c>. In force: <c>0.85</c>
/// (source LastGood), with the problem "Minimum-F1-Score = '1.7' is not valid: it is out of range; allowed:
/// a number from 0 to 1 (F1). The last good value '0.85' stays in force."
/// </example>
public static class ParameterResolver
{
    /// <param name="raw">Current Parameter Store values by short name; a missing key means the parameter was deleted.</param>
    /// <param name="lastGood">Canonical last good values by short name, as kept in the system parameter.</param>
    public static ResolvedParameters Resolve(
        ParameterCatalog catalog,
        IReadOnlyDictionary<string, string?> raw,
        IReadOnlyDictionary<string, string> lastGood)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(lastGood);

        var values = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
        var sources = new Dictionary<string, InForceSource>(StringComparer.Ordinal);
        var errors = new Dictionary<string, ParameterProblem>(StringComparer.Ordinal);
        foreach (var definition in catalog.Parameters)
        {
            var submitted = raw.GetValueOrDefault(definition.Name);
            var check = ParameterValidator.Check(definition, submitted);
            if (check.Value is { } value)
            {
                values[definition.Name] = value;
                sources[definition.Name] = InForceSource.Submitted;
                continue;
            }

            var (fallback, source) = Fallback(definition, lastGood);
            values[definition.Name] = fallback;
            sources[definition.Name] = source;
            errors[definition.Name] = new ParameterProblem(definition.Name, submitted, check.Error!, fallback, source);
        }

        foreach (var constraint in catalog.Constraints)
        {
            EnforceConstraint(catalog, constraint, raw, lastGood, values, sources, errors);
        }

        var remembered = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var definition in catalog.Parameters)
        {
            if (sources[definition.Name] == InForceSource.Submitted)
            {
                remembered[definition.Name] = values[definition.Name].Canonical;
            }
            else if (lastGood.TryGetValue(definition.Name, out var previous))
            {
                remembered[definition.Name] = previous;
            }
        }

        var unknown = raw.Keys.Where(name => !catalog.TryGet(name, out _)).Order(StringComparer.Ordinal).ToList();
        var problems = catalog.Parameters.Where(p => errors.ContainsKey(p.Name)).Select(p => errors[p.Name]).ToList();
        return new ResolvedParameters(values, sources, problems, unknown, remembered);
    }

    private static (ParameterValue Value, InForceSource Source) Fallback(ParameterDefinition definition, IReadOnlyDictionary<string, string> lastGood)
    {
        // A remembered value is checked again: the catalog may have narrowed a range since it was stored.
        if (lastGood.TryGetValue(definition.Name, out var previous)
            && ParameterValidator.Check(definition, previous).Value is { } good)
        {
            return (good, InForceSource.LastGood);
        }

        return (ParameterValidator.Check(definition, definition.Default).Value
                ?? throw new CatalogException($"The default of {definition.Name} is invalid."), InForceSource.Default);
    }

    private static void EnforceConstraint(
        ParameterCatalog catalog,
        CatalogConstraint constraint,
        IReadOnlyDictionary<string, string?> raw,
        IReadOnlyDictionary<string, string> lastGood,
        Dictionary<string, ParameterValue> values,
        Dictionary<string, InForceSource> sources,
        Dictionary<string, ParameterProblem> errors)
    {
        if (Holds(constraint, values))
        {
            return;
        }

        var violation = $"{constraint.Left} = {values[constraint.Left].Canonical} and {constraint.Right} = {values[constraint.Right].Canonical} break a rule: {constraint.Description.TrimEnd('.')}";

        // Revert the sides the operator changed since the last good state; the unchanged side is what they relied on.
        foreach (var name in new[] { constraint.Left, constraint.Right })
        {
            var changed = sources[name] == InForceSource.Submitted
                && (!lastGood.TryGetValue(name, out var previous) || previous != values[name].Canonical);
            if (changed)
            {
                Revert(catalog[name], raw, lastGood, values, sources, errors, violation);
            }
        }

        if (!Holds(constraint, values))
        {
            foreach (var name in new[] { constraint.Left, constraint.Right })
            {
                var definition = catalog[name];
                values[name] = ParameterValidator.Check(definition, definition.Default).Value!;
                sources[name] = InForceSource.Default;
                errors[name] = new ParameterProblem(name, raw.GetValueOrDefault(name), violation + ".", values[name], InForceSource.Default);
            }
        }
    }

    private static void Revert(
        ParameterDefinition definition,
        IReadOnlyDictionary<string, string?> raw,
        IReadOnlyDictionary<string, string> lastGood,
        Dictionary<string, ParameterValue> values,
        Dictionary<string, InForceSource> sources,
        Dictionary<string, ParameterProblem> errors,
        string violation)
    {
        var (fallback, source) = Fallback(definition, lastGood);
        values[definition.Name] = fallback;
        sources[definition.Name] = source;
        errors[definition.Name] = new ParameterProblem(definition.Name, raw.GetValueOrDefault(definition.Name), violation + ".", fallback, source);
    }

    private static bool Holds(CatalogConstraint constraint, Dictionary<string, ParameterValue> values) =>
        CatalogConstraint.HoldsFor(Numeric(values[constraint.Left]), Numeric(values[constraint.Right]));

    private static double Numeric(ParameterValue value) => value switch
    {
        NumberValue n => n.Value,
        IntegerValue i => i.Value,
        _ => throw new InvalidOperationException("Constraints compare numeric parameters only."),
    };
}
