using System.Text.Json;

namespace ContinuousImprovement.Local.Portal;

/// <summary>What the local crowd-form posts: the answer content, keyed by element name, as A2I records it.</summary>
internal sealed record SubmissionRequest(JsonElement AnswerContent);
