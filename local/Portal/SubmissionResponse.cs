namespace ContinuousImprovement.Local.Portal;

/// <summary>
/// The portal's answer to a submission: <paramref name="Message"/> for the reviewer, and on success the output
/// document's URI and whether it is written yet (false: the answer is kept and writing it is retried).
/// </summary>
internal sealed record SubmissionResponse(string Message, string? OutputUri = null, bool? Published = null);
