using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Local.Twin;

namespace ContinuousImprovement.Local.Cli;

/// <summary>Opens the twin a command works on, with the model the twin trains.</summary>
internal static class CliTwin
{
    public static Task<LocalTwin> OpenAsync(string folder, IClock? clock = null, CancellationToken cancellationToken = default) =>
        LocalTwin.OpenAsync(
            new TwinOptions(folder)
            {
                Clock = clock ?? SystemClock.RealTime,
            },
            cancellationToken);
}
