using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Core.Events;

/// <summary>An object-created notification reduced to what the workflows use, with the key already decoded.</summary>
public sealed record S3ObjectEvent(S3ObjectRef Object, long? Size, string Reason);
