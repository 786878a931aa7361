using ContinuousImprovement.Core.Audit;
using ContinuousImprovement.Handlers.Contracts;

namespace ContinuousImprovement.Handlers.AuditSampling;

/// <summary>
/// One detection the plan picked, as workflow state carries it: its log number and what was logged with it, the
/// audit's count and reason, and the cursor to resume from if it gets no slot (see <see cref="AuditPick"/>).
/// </summary>
public sealed record AuditPickItem(
    long SequenceNumber,
    string ImageKey,
    string ModelVersionArn,
    PredictionResult Prediction,
    IReadOnlyList<string> Reasons,
    int Counted,
    AuditCursor ResumeBefore,
    string Reason)
{
    /// <summary>The reasons to log and show the reviewer: the detection's own, then the audit's (once).</summary>
    public IReadOnlyList<string> ReviewReasons() => [.. Reasons.Where(r => r != Reason), Reason];

    public AuditPick ToPick() => new(new AuditCandidate(SequenceNumber, ImageKey), Counted, ResumeBefore, Reason);
}
