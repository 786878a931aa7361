namespace ContinuousImprovement.Asl.States;

/// <summary>How Step Functions matches an error name against a retrier's or catcher's ErrorEquals.</summary>
internal static class ErrorMatching
{
    /// <summary>
    /// <c>States.ALL</c> matches every error but the terminal ones (<c>States.Runtime</c>,
    /// <c>States.DataLimitExceeded</c>); <c>States.TaskFailed</c> matches every error but those and
    /// <c>States.Timeout</c>. A <c>States.Runtime</c> error is never retried or caught, even by name.
    /// </summary>
    public static bool Matches(IReadOnlyList<string> errorEquals, string error)
    {
        if (error == StatesErrors.Runtime)
        {
            return false;
        }

        foreach (var name in errorEquals)
        {
            if (name == error)
            {
                return true;
            }

            if (error == StatesErrors.DataLimitExceeded)
            {
                continue;
            }

            if (name == StatesErrors.All || (name == StatesErrors.TaskFailed && error != StatesErrors.Timeout))
            {
                return true;
            }
        }

        return false;
    }
}
