namespace ContinuousImprovement.Core.Filing;

/// <summary>
/// Answers that mean "this image shows none of our classes". They are recorded with the review but never
/// filed as a class: a folder named "None of the Above" would teach the model a class that does not exist.
/// </summary>
public static class RejectLabels
{
    /// <summary>The option A2I's classifier templates are usually given for "nothing applies".</summary>
    public static IReadOnlyList<string> Default { get; } = ["None of the Above"];

    /// <summary>
    /// True when <paramref name="label"/> is one of <paramref name="rejectLabels"/>, compared after trimming
    /// and ignoring case (a reject option is a phrase people retype, not a model class, so case is noise here).
    /// </summary>
    public static bool IsReject(string label, IReadOnlyCollection<string> rejectLabels)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(rejectLabels);
        var trimmed = label.Trim();
        foreach (var reject in rejectLabels)
        {
            if (reject is not null && string.Equals(reject.Trim(), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
