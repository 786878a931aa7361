using ContinuousImprovement.Handlers.Contracts;

namespace ContinuousImprovement.Handlers.AuditSampling;

/// <summary>
/// What became of a failed pick's slot (<see cref="ReviewSlotReturned"/>), and the error the pick fails with: the
/// caught one, its cause saying what became of the slot.
/// </summary>
public sealed record AuditSlotReturned(bool Released, string Summary, ErrorInfo Failure);
