using System.Text.Json.Serialization;

namespace ContinuousImprovement.Local.Portal;

/// <summary>The picked label.</summary>
internal sealed record ClassifierLabel([property: JsonPropertyName("label")] string Label);
