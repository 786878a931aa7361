namespace ContinuousImprovement.Handlers.AuditSampling;

/// <summary>The round's plan, how each pick ended (in pick order), the totals so far and the execution's round limit.</summary>
public sealed record FinishRoundRequest(AuditPlanned Plan, IReadOnlyList<PickOutcome> Sent, AuditTotals Totals, int MaxRounds);
