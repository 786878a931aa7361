namespace ContinuousImprovement.Core.Audit;

/// <summary>
/// Where audit sampling resumes: every inference up to <see cref="LastSequence"/> has been examined, and
/// <see cref="Counted"/> confident detections have been counted since the last audit pick. Stored with the
/// inference log and moved only forward (see <see cref="AuditSampling.Plan"/>).
/// </summary>
/// <param name="LastSequence">The inference log sequence number examined last (0: nothing yet).</param>
/// <param name="Counted">Confident detections counted since the last pick (0 right after a pick).</param>
public sealed record AuditCursor(long LastSequence, int Counted)
{
    /// <summary>A log nothing has been audited from yet.</summary>
    public static AuditCursor Start { get; } = new(0, 0);

    /// <summary>"#120 (37 counted)", for logs and notifications.</summary>
    public override string ToString() => $"#{LastSequence} ({Counted} counted)";
}
