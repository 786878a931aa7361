namespace ContinuousImprovement.Core.Parameters;

/// <summary>How an operator's string value in Parameter Store is read.</summary>
public enum ParameterType
{
    /// <summary><c>true</c> or <c>false</c>, any case.</summary>
    Boolean,

    /// <summary>A whole number within the parameter's range.</summary>
    Integer,

    /// <summary>A finite decimal number within the parameter's range (invariant culture, '.' as separator).</summary>
    Number,

    /// <summary>Exactly one of the allowed values.</summary>
    Choice,

    /// <summary>Comma-separated allowed values; order kept, duplicates dropped, may be empty.</summary>
    List,

    /// <summary>Comma-separated free text items (e.g. reviewer answers that mean "none of these").</summary>
    TextList,
}
