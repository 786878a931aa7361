namespace ContinuousImprovement.Local.Model;

/// <summary>
/// How <see cref="MlNetTrainer"/> trains. <paramref name="TrainingTime"/> is how long a version reports
/// TRAINING_IN_PROGRESS on the twin's clock — not how long ML.NET takes (seconds): Rekognition takes the better part
/// of an hour, which workflows on the virtual clock wait out in no time; a live demo sets a short one.
/// <paramref name="Seed"/> and <paramref name="Iterations"/> go to <see cref="PixelClassifier.Train"/>.
/// </summary>
public sealed record MlNetTrainerOptions(TimeSpan TrainingTime, int Seed = 1, int Iterations = 30)
{
    public static readonly TimeSpan DefaultTrainingTime = TimeSpan.FromMinutes(45);

    public MlNetTrainerOptions()
        : this(DefaultTrainingTime)
    {
    }
}
