namespace ContinuousImprovement.Handlers.Training;

/// <summary>A model version being trained: its ARN and name, the labeled set it learns from and the manifests written for it.</summary>
public sealed record CandidateCreated(
    string VersionArn,
    string VersionName,
    string Fingerprint,
    int LabeledCount,
    string TrainingManifest,
    string TestManifest,
    int TrainImages,
    int TestImages,
    IReadOnlyList<string> Warnings);
