using System.Text;
using System.Text.Json;
using ContinuousImprovement.Asl.Runtime;

namespace ContinuousImprovement.Local.Twin.Workflows;

/// <summary>
/// What executions the twin ran, kept across runs so the CLI can list them and print a history after the twin
/// stopped: a summary line per finished execution in <c>executions.jsonl</c>, and (when
/// <see cref="KeepHistories"/>) <c>executions/&lt;name&gt;.json</c> with the execution described and its full
/// history in get-execution-history's shape.
/// </summary>
public sealed class ExecutionJournal(string folder, bool keepHistories = true)
{
    private readonly string folder = Path.GetFullPath(folder);
    private readonly Lock gate = new();

    public bool KeepHistories { get; } = keepHistories;

    private string SummaryFile => Path.Combine(folder, "executions.jsonl");

    private string HistoryFolder => Path.Combine(folder, "executions");

    public void Record(string workflow, Execution execution)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var summary = new ExecutionSummary(
            execution.Name, workflow, execution.Arn, Describe(execution.Status), execution.StartDate, execution.StopDate, execution.Error, execution.Cause);
        var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(summary, TwinJsonContext.Default.ExecutionSummary) + "\n");
        byte[]? history = null;
        if (KeepHistories)
        {
            var document = execution.DescribeJson().With("events", execution.HistoryJson()["events"]!);
            history = Encoding.UTF8.GetBytes(document.ToJson());
        }

        lock (gate)
        {
            Directory.CreateDirectory(folder);
            using (var stream = new FileStream(SummaryFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite))
            {
                stream.Write(line);
            }

            if (history is not null)
            {
                Directory.CreateDirectory(HistoryFolder);
                File.WriteAllBytes(Path.Combine(HistoryFolder, execution.Name + ".json"), history);
            }
        }
    }

    /// <summary>Every recorded execution, oldest first.</summary>
    public IReadOnlyList<ExecutionSummary> Summaries()
    {
        lock (gate)
        {
            return File.Exists(SummaryFile)
                ? File.ReadLines(SummaryFile)
                    .Where(line => line.Length > 0)
                    .Select(line => JsonSerializer.Deserialize(line, TwinJsonContext.Default.ExecutionSummary)!)
                    .ToList()
                : [];
        }
    }

    /// <summary>The described execution with its events, by execution name or ARN; null when none was kept.</summary>
    public string? History(string nameOrArn)
    {
        ArgumentNullException.ThrowIfNull(nameOrArn);
        var name = nameOrArn[(nameOrArn.LastIndexOf(':') + 1)..];
        if (!AslEngine.IsValidName(name))
        {
            return null;
        }

        var path = Path.Combine(HistoryFolder, name + ".json");
        lock (gate)
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
    }

    private static string Describe(ExecutionStatus status) => status switch
    {
        ExecutionStatus.TimedOut => "TIMED_OUT",
        var other => other.ToString().ToUpperInvariant(),
    };
}
