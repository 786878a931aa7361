using System.Text.Json.Serialization;

namespace ContinuousImprovement.Local.Portal;

/// <summary>The answer <c>crowd-image-classifier</c> records: <c>{"crowd-image-classifier":{"label":"coat"}}</c>.</summary>
internal sealed record ClassifierAnswer([property: JsonPropertyName("crowd-image-classifier")] ClassifierLabel Classifier);
