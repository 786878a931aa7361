namespace ContinuousImprovement.Handlers.OperationsDigest;

/// <summary>The execution input as the schedule sent it, and the execution's name, which becomes the digest's id.</summary>
public sealed record LoadOperationsSettingsRequest(OperationsInput? Input, string DigestId);
