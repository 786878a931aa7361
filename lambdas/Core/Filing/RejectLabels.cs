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
    /// True when <paramref name="label"/> is one of <paramref name="rejectLabels"/>, both sides compared in their
    /// normalized form (Unicode NFKC as in <see cref="LabelNormalization.TryNormalize"/>, then trimmed) and
    /// ignoring case. Example: "ＮＯＮＥ ＯＦ ＴＨＥ ＡＢＯＶＥ" and " none of the above " are both the default reject.
    /// </summary>
    /// <remarks>
    /// A reject option is a phrase people retype, not a model class, so case is noise here. Normalizing matters
    /// because filing folds the label the same way: a fullwidth twin of a reject answer would otherwise become the
    /// class folder "NONE OF THE ABOVE". Text NFKC refuses is compared trimmed as it is; such a label is never
    /// filed anyway (<see cref="LabelNormalization.TryNormalize"/> refuses it).
    /// </remarks>
    public static bool IsReject(string label, IReadOnlyCollection<string> rejectLabels) => Matching(label, rejectLabels) is not null;

    /// <summary>
    /// The configured reject phrase <paramref name="label"/> matches (as <see cref="IsReject"/> compares), as it is
    /// configured, or null: every spelling of one reject answer is one answer ("None of the Above" and "none of the
    /// above" are the same vote).
    /// </summary>
    public static string? Matching(string label, IReadOnlyCollection<string> rejectLabels)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(rejectLabels);
        // A blank answer is no answer, whatever blank phrase the list may hold.
        var answer = Comparable(label);
        return answer.Length == 0
            ? null
            : rejectLabels.FirstOrDefault(reject => reject is not null && string.Equals(Comparable(reject), answer, StringComparison.OrdinalIgnoreCase));
    }

    private static string Comparable(string text) =>
        Nfkc.TryNormalize(text, out var normalized, out _, out _) ? normalized.Trim() : text.Trim();
}
