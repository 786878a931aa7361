using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Core.Review;

/// <summary>
/// What the filing workflow does next about one human loop. No verdict deletes or moves the reviewed image:
/// <see cref="File"/> copies it into each label's folder and leaves the original where the consumer put it;
/// every other verdict leaves it untouched.
/// </summary>
public abstract record ReviewVerdict
{
    private ReviewVerdict()
    {
    }

    /// <summary>Copy <paramref name="Image"/> into the folder of each of <paramref name="Labels"/> (trimmed, never a reject answer).</summary>
    public sealed record File(IReadOnlyList<string> Labels, S3ObjectRef Image, string HumanLoopName) : ReviewVerdict;

    /// <summary>The loop completed: read its output document at <paramref name="Output"/> and consolidate it.</summary>
    public sealed record ReadOutput(S3ObjectRef Output, string HumanLoopName) : ReviewVerdict;

    /// <summary>A human judgment that files nothing (a reject answer, a tie), or a loop still running; log it.</summary>
    public sealed record RecordOnly(string Reason) : ReviewVerdict;

    /// <summary>Something an operator must look at (failed or stopped loop, no answer, unreadable output).</summary>
    public sealed record NotifyOperator(string Reason) : ReviewVerdict;
}
