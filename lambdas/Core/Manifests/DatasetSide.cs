namespace ContinuousImprovement.Core.Manifests;

/// <summary>Which manifest an image goes to: the one Rekognition trains on or the one it evaluates on.</summary>
public enum DatasetSide
{
    Train,
    Test,
}
