using System.Text.Json;

namespace ContinuousImprovement.Core.Parameters;

/// <summary>
/// The operator parameter catalog (<c>parameters/catalog.json</c>): the one list CDK creates, handlers read,
/// the twin serves and the README documents.
/// </summary>
public sealed class ParameterCatalog
{
    private static readonly Lazy<ParameterCatalog> BuiltIn = new(LoadBuiltIn);

    private readonly Dictionary<string, ParameterDefinition> byName;

    private ParameterCatalog(
        string prefix,
        IReadOnlyList<ParameterDefinition> parameters,
        IReadOnlyList<EventKind> eventKinds,
        IReadOnlyList<CatalogConstraint> constraints,
        IReadOnlyDictionary<string, string> appliesDescriptions,
        SystemParameterInfo systemParameter)
    {
        Prefix = prefix;
        Parameters = parameters;
        EventKinds = eventKinds;
        Constraints = constraints;
        AppliesDescriptions = appliesDescriptions;
        SystemParameter = systemParameter;
        byName = parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
    }

    /// <summary>The catalog compiled into Core from <c>parameters/catalog.json</c>.</summary>
    public static ParameterCatalog Default => BuiltIn.Value;

    /// <summary>Parameter Store path of every parameter, e.g. <c>/ContinuousImprovement/</c>.</summary>
    public string Prefix { get; }

    public IReadOnlyList<ParameterDefinition> Parameters { get; }

    public IReadOnlyList<EventKind> EventKinds { get; }

    public IReadOnlyList<CatalogConstraint> Constraints { get; }

    /// <summary>What a change re-applies, keyed by <see cref="ParameterDefinition.Applies"/>.</summary>
    public IReadOnlyDictionary<string, string> AppliesDescriptions { get; }

    public SystemParameterInfo SystemParameter { get; }

    public ParameterDefinition this[string name] =>
        byName.TryGetValue(name, out var definition)
            ? definition
            : throw new KeyNotFoundException($"'{name}' is not in the parameter catalog.");

    public bool TryGet(string name, out ParameterDefinition definition) => byName.TryGetValue(name, out definition!);

    /// <summary>The Parameter Store name of a parameter under this catalog's prefix.</summary>
    public string FullName(string name) => Prefix + name;

    /// <summary>
    /// The short name for a Parameter Store name from a change event. Events carry the name with or without
    /// its leading slash; anything outside the prefix is not ours.
    /// </summary>
    public bool TryGetShortName(string parameterStoreName, out string shortName)
    {
        ArgumentNullException.ThrowIfNull(parameterStoreName);
        var withSlash = parameterStoreName.StartsWith('/') ? parameterStoreName : "/" + parameterStoreName;
        shortName = withSlash.StartsWith(Prefix, StringComparison.Ordinal) ? withSlash[Prefix.Length..] : "";
        return shortName.Length > 0 && !shortName.Contains('/');
    }

    /// <summary>Checks one raw value; unknown names are an error too, since a typo must not go unnoticed.</summary>
    public ParameterCheck Check(string name, string? raw) =>
        TryGet(name, out var definition)
            ? ParameterValidator.Check(definition, raw)
            : ParameterCheck.Invalid(name, raw, $"{name} is not a known parameter; known: {string.Join(", ", byName.Keys)}.");

    /// <summary>The same catalog under another prefix (CDK lets a deployment choose its own path).</summary>
    public ParameterCatalog WithPrefix(string prefix)
    {
        if (!IsValidPrefix(prefix))
        {
            throw new ArgumentException($"Parameter prefix '{prefix}' must start and end with '/' and name at least one folder.", nameof(prefix));
        }

        return new ParameterCatalog(prefix, Parameters, EventKinds, Constraints, AppliesDescriptions, SystemParameter);
    }

    /// <summary>
    /// The same catalog with choice parameter <paramref name="name"/> limited to <paramref name="values"/>: what this
    /// deployment has (a stack without the review portal has only A2I), so a value it lacks is refused with the reason
    /// and the last good value stays, rather than accepted and silently ignored. The default becomes the first of
    /// <paramref name="values"/> when it is not among them.
    /// </summary>
    /// <exception cref="ArgumentException">Not a choice parameter, no values, or a value the catalog does not allow.</exception>
    public ParameterCatalog Limited(string name, IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var definition = this[name];
        if (definition.Type != ParameterType.Choice)
        {
            throw new ArgumentException($"{name} is a {definition.Type} parameter; only a choice can be limited.", nameof(name));
        }

        var unknown = values.Where(v => !definition.AllowedValues.Contains(v, StringComparer.Ordinal)).ToList();
        if (values.Count == 0 || unknown.Count > 0)
        {
            throw new ArgumentException(
                $"{name} can be limited only to some of {string.Join(", ", definition.AllowedValues)}, not to {(values.Count == 0 ? "nothing" : string.Join(", ", unknown))}.",
                nameof(values));
        }

        var limited = definition with
        {
            AllowedValues = [.. definition.AllowedValues.Where(values.Contains)],
            Default = values.Contains(definition.Default) ? definition.Default : values[0],
            LimitedByDeployment = true,
        };
        var parameters = Parameters.Select(p => p.Name == name ? limited : p).ToList();
        return new ParameterCatalog(Prefix, parameters, EventKinds, Constraints, AppliesDescriptions, SystemParameter);
    }

    /// <summary>Reads a catalog document and checks that it is consistent (defaults valid, names unique, references resolve).</summary>
    public static ParameterCatalog Parse(string json)
    {
        CatalogDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, CatalogJsonContext.Default.CatalogDocument);
        }
        catch (JsonException e)
        {
            throw new CatalogException($"The parameter catalog is not valid JSON: {e.Message}", e);
        }

        if (document is null)
        {
            throw new CatalogException("The parameter catalog is empty.");
        }

        return FromDocument(document);
    }

    private static ParameterCatalog FromDocument(CatalogDocument document)
    {
        var problems = new List<string>();
        if (document.CatalogVersion != 1)
        {
            problems.Add($"catalogVersion {document.CatalogVersion} is not supported (expected 1)");
        }

        if (!IsValidPrefix(document.Prefix))
        {
            problems.Add($"prefix '{document.Prefix}' must start and end with '/'");
        }

        var eventKinds = (document.EventKinds ?? []).Select(k => new EventKind(k.Name, k.Description)).ToList();
        var applies = document.Applies ?? [];
        var parameters = new List<ParameterDefinition>();
        foreach (var p in document.Parameters ?? [])
        {
            if (!TryParseType(p.Type, out var type))
            {
                problems.Add($"{p.Name}: unknown type '{p.Type}'");
                continue;
            }

            var allowed = p.AllowedValuesFrom switch
            {
                null => (IReadOnlyList<string>)(p.AllowedValues ?? []),
                "eventKinds" => eventKinds.Select(k => k.Name).ToList(),
                var other => Unknown(problems, $"{p.Name}: allowedValuesFrom '{other}' is unknown"),
            };
            var definition = new ParameterDefinition(p.Name, p.Group, type, p.Default, p.Minimum, p.Maximum, p.Unit, allowed, p.Applies, p.Description);
            if (!applies.ContainsKey(p.Applies))
            {
                problems.Add($"{p.Name}: applies '{p.Applies}' is not described under 'applies'");
            }

            if (ParameterValidator.Check(definition, definition.Default).Error is { } error)
            {
                problems.Add($"default invalid: {error}");
            }

            parameters.Add(definition);
        }

        foreach (var duplicate in parameters.GroupBy(p => p.Name).Where(g => g.Count() > 1))
        {
            problems.Add($"{duplicate.Key} is defined {duplicate.Count()} times");
        }

        var numeric = parameters.Where(p => p.Type is ParameterType.Integer or ParameterType.Number).Select(p => p.Name).ToHashSet();
        var constraints = new List<CatalogConstraint>();
        foreach (var c in document.Constraints ?? [])
        {
            if (c.Rule != "less-or-equal" || !numeric.Contains(c.Left) || !numeric.Contains(c.Right))
            {
                problems.Add($"constraint {c.Rule} {c.Left} {c.Right} must be less-or-equal between two numeric parameters");
                continue;
            }

            constraints.Add(new CatalogConstraint(c.Left, c.Right, c.Description));
        }

        if (problems.Count > 0)
        {
            throw new CatalogException("The parameter catalog is inconsistent:\n- " + string.Join("\n- ", problems));
        }

        var system = document.SystemParameter;
        var catalog = new ParameterCatalog(
            document.Prefix,
            parameters,
            eventKinds,
            constraints,
            applies,
            new SystemParameterInfo(system.Name, system.SchemaVersion, system.Description));
        var defaults = ParameterResolver.Resolve(catalog, catalog.Parameters.ToDictionary(p => p.Name, p => (string?)p.Default), new Dictionary<string, string>());
        if (defaults.Problems.Count > 0)
        {
            throw new CatalogException("The parameter catalog's defaults break its own constraints:\n- " + string.Join("\n- ", defaults.Problems.Select(p => p.Error)));
        }

        return catalog;
    }

    private static IReadOnlyList<string> Unknown(List<string> problems, string problem)
    {
        problems.Add(problem);
        return [];
    }

    private static bool TryParseType(string text, out ParameterType type)
    {
        type = text switch
        {
            "boolean" => ParameterType.Boolean,
            "integer" => ParameterType.Integer,
            "number" => ParameterType.Number,
            "choice" => ParameterType.Choice,
            "list" => ParameterType.List,
            "text-list" => ParameterType.TextList,
            _ => (ParameterType)(-1),
        };
        return Enum.IsDefined(type);
    }

    private static bool IsValidPrefix(string? prefix) =>
        prefix is { Length: > 2 } && prefix.StartsWith('/') && prefix.EndsWith('/') && !prefix.Contains("//", StringComparison.Ordinal);

    private static ParameterCatalog LoadBuiltIn()
    {
        const string ResourceName = "ContinuousImprovement.parameters.catalog.json";
        using var stream = typeof(ParameterCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new CatalogException($"The built-in catalog resource {ResourceName} is missing from Core.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
