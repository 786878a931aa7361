namespace ContinuousImprovement.Core.Drift;

/// <summary>The human labels a drift judgement is made on: how many, and how many the model agreed with.</summary>
public sealed record DriftWindow(int Labels, int Agreed)
{
    /// <summary>Labels whose image the model gave another top label, or none.</summary>
    public int Disagreed => Labels - Agreed;

    /// <summary>The share of labels the model disagreed with (0 when there are none).</summary>
    public double Disagreement => Labels == 0 ? 0 : (double)Disagreed / Labels;
}
