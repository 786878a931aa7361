namespace ContinuousImprovement.Handlers.AuditSampling;

/// <summary>
/// The execution input the schedule sends: the bucket the uploads are in. <paramref name="MaxExamined"/> bounds the
/// predictions one round reads (default <see cref="DefaultMaxExamined"/>), <paramref name="MaxRounds"/> the rounds
/// one execution runs while more settled predictions wait (default <see cref="DefaultMaxRounds"/>).
/// </summary>
public sealed record AuditInput(string Bucket, int? MaxExamined = null, int? MaxRounds = null)
{
    public const int DefaultMaxExamined = 1000;
    public const int MaxMaxExamined = 10_000;
    public const int DefaultMaxRounds = 10;
    public const int MaxMaxRounds = 100;
}
