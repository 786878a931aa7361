namespace ContinuousImprovement.Core.Ports;

/// <summary>
/// A logged prediction with its sequence number, as audit sampling reads the log. <paramref name="Audited"/>: audit
/// sampling sent it to a human (see <see cref="IInferenceLog.RecordAuditAsync"/>).
/// </summary>
public sealed record LoggedInference(long SequenceNumber, InferenceRecord Record, bool Audited);
