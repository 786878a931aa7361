namespace ContinuousImprovement.Core.Parameters;

/// <summary>The catalog file itself is wrong. It ships with the build, so this is a defect, not operator input.</summary>
public sealed class CatalogException : Exception
{
    public CatalogException(string message)
        : base(message)
    {
    }

    public CatalogException()
    {
    }

    public CatalogException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
