namespace ContinuousImprovement.Local.Adapters;

/// <summary>One training: the version, its 1-based sequence number among all versions created, and both manifests' text (JSON Lines).</summary>
public sealed record LocalTrainingJob(string VersionArn, string VersionName, int Sequence, string TrainingManifest, string TestManifest);
