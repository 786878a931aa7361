namespace ContinuousImprovement.Local.Adapters;

/// <summary>
/// Trains a model version for <see cref="LocalModelTraining"/>: the seam where the twin's real learner (ML.NET) plugs
/// in. It is given the Ground Truth manifests Rekognition would be given and answers with the version's F1 on the
/// test manifest and the predictions the local runtime serves once the version runs.
/// </summary>
public interface ILocalTrainer
{
    Task<LocalTrainingResult> TrainAsync(LocalTrainingJob job, CancellationToken cancellationToken);
}
