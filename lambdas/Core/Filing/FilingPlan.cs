using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Core.Filing;

/// <summary>
/// Where one labeled image may go: <paramref name="Label"/> (normalized), its <paramref name="Folder"/>, and
/// <paramref name="CandidateKeys"/> in order of preference (see <see cref="LabelFiling.CandidateKeys"/>).
/// </summary>
public sealed record FilingPlan(string Label, string Folder, S3ObjectRef Image, IReadOnlyList<string> CandidateKeys)
{
    /// <summary><see cref="LabelFiling.Choose"/> with this plan's candidates and the image's ETag.</summary>
    public FilingDecision Choose(Func<string, string?> existingETagOf) => LabelFiling.Choose(CandidateKeys, Image.ETag, existingETagOf);
}
