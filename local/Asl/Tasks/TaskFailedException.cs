namespace ContinuousImprovement.Asl.Tasks;

/// <summary>A task's own failure, with the error name and cause the state machine sees.</summary>
public sealed class TaskFailedException : Exception
{
    public TaskFailedException(string error, string cause)
        : base($"{error}: {cause}")
    {
        Error = error;
        Cause = cause;
    }

    public TaskFailedException()
        : this("TaskFailed", "The task failed.")
    {
    }

    public TaskFailedException(string message)
        : this("TaskFailed", message)
    {
    }

    public TaskFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = "TaskFailed";
        Cause = message;
    }

    public string Error { get; }

    public string Cause { get; }
}
