namespace ContinuousImprovement.Handlers.ReviewFiling;

/// <summary>How filing one reviewed image ended (<see cref="FilingResult.Status"/>).</summary>
public static class FilingStatus
{
    /// <summary>At least one labeled copy was made now.</summary>
    public const string Filed = "filed";

    /// <summary>Every labeled copy already existed (the same output read twice): nothing new.</summary>
    public const string AlreadyFiled = "already-filed";

    /// <summary>A label cannot be a folder (a path, a reject answer, invisible characters…): nothing was filed.</summary>
    public const string Refused = "refused";

    /// <summary>The reviewed image is no longer at its key, or every candidate key holds another object: nothing was filed.</summary>
    public const string NotFiled = "not-filed";
}
