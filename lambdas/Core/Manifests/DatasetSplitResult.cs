namespace ContinuousImprovement.Core.Manifests;

/// <summary>
/// The two manifests' entries, each in input order, with the moves the fix-up made and the labels it could not
/// fix (only possible with multi-label images, see <see cref="DatasetSplit.Assign"/>).
/// </summary>
public sealed record DatasetSplitResult(
    IReadOnlyList<ManifestEntry> Train,
    IReadOnlyList<ManifestEntry> Test,
    IReadOnlyList<SplitAdjustment> Adjustments,
    IReadOnlyList<string> LabelsNotOnBothSides);
