using System.Text.Json.Serialization;

namespace ContinuousImprovement.Core.Parameters;

// The catalog's JSON shape. Kept apart from the domain types so the file can evolve (schema-checked in
// the repository tests) without the rules seeing JSON concerns.
internal sealed record CatalogDocument(
    int CatalogVersion,
    string Prefix,
    Dictionary<string, string> Applies,
    List<EventKindDocument> EventKinds,
    List<ParameterDocument> Parameters,
    List<ConstraintDocument> Constraints,
    SystemParameterDocument SystemParameter);

internal sealed record EventKindDocument(string Name, string Description);

internal sealed record ParameterDocument(
    string Name,
    string Group,
    string Type,
    string Default,
    double? Minimum,
    double? Maximum,
    string? Unit,
    List<string>? AllowedValues,
    string? AllowedValuesFrom,
    string Applies,
    string Description);

internal sealed record ConstraintDocument(string Rule, string Left, string Right, string Description);

internal sealed record SystemParameterDocument(string Name, int SchemaVersion, string Schema, string Description);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(CatalogDocument))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;
