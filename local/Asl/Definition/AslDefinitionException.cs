namespace ContinuousImprovement.Asl.Definition;

/// <summary>A state machine definition that cannot run, with every problem named by state.</summary>
public sealed class AslDefinitionException : Exception
{
    public AslDefinitionException(IReadOnlyList<string> problems)
        : base("The state machine definition is invalid:\n- " + string.Join("\n- ", problems))
    {
        Problems = problems;
    }

    public AslDefinitionException()
        : this(["unknown problem"])
    {
    }

    public AslDefinitionException(string message)
        : this([message])
    {
    }

    public AslDefinitionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public IReadOnlyList<string> Problems { get; }
}
