using ContinuousImprovement.Core.Text;
using System.Text.Json;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Review;

namespace ContinuousImprovement.Local.Adapters;

/// <summary>
/// Human review in the twin: starting a loop writes <c>&lt;folder&gt;/open/&lt;loop name&gt;.json</c>, which the
/// review portal lists. The file is created only if absent (atomically, across processes), so the same loop
/// name twice answers <see cref="ReviewStart.AlreadyStarted"/>, as A2I refuses a duplicate name.
/// </summary>
public sealed class LocalHumanReview : IHumanReview
{
    private readonly string openFolder;
    private readonly string tempFolder;
    private readonly TimeProvider time;

    public LocalHumanReview(string folder, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var root = Path.GetFullPath(folder);
        openFolder = Path.Combine(root, "open");
        tempFolder = Path.Combine(root, ".tmp");
        this.time = time ?? TimeProvider.System;
    }

    public Task<ReviewStart> StartAsync(ReviewRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        CheckName(request.HumanLoopName);
        if (request.Labels.Count == 0)
        {
            throw new PortException(PortFailure.Invalid, $"Human loop {request.HumanLoopName} offers no label to choose from.");
        }

        var loop = new OpenLoop(
            request.HumanLoopName,
            request.Image.Uri,
            request.Image.Bucket,
            request.Image.Key,
            request.Image.VersionId,
            request.Image.ETag,
            request.Labels,
            request.Prediction.Labels.Select(l => new OpenLoopLabel(l.Label, l.Confidence)).ToList(),
            request.Reasons,
            time.GetUtcNow());
        var json = JsonSerializer.SerializeToUtf8Bytes(loop, AdaptersJsonContext.Default.OpenLoop);
        var created = IoFailures.Guard($"start human loop {request.HumanLoopName}", () => AtomicFile.TryCreate(PathOf(request.HumanLoopName), json, tempFolder));
        return Task.FromResult(created ? ReviewStart.Started : ReviewStart.AlreadyStarted);
    }

    public Task<HumanLoopStatus?> StatusAsync(string humanLoopName, CancellationToken cancellationToken)
    {
        CheckName(humanLoopName);
        cancellationToken.ThrowIfCancellationRequested();
        var open = IoFailures.Guard($"describe human loop {humanLoopName}", () => File.Exists(PathOf(humanLoopName)));
        return Task.FromResult<HumanLoopStatus?>(open ? HumanLoopStatus.InProgress : null);
    }

    /// <summary>The loops waiting for a reviewer, oldest first (what the review portal lists).</summary>
    public IReadOnlyList<OpenLoop> OpenLoops() =>
        IoFailures.Guard("list open human loops", () =>
            Directory.Exists(openFolder)
                ? Directory.EnumerateFiles(openFolder, "*.json")
                    .Select(path => JsonSerializer.Deserialize(File.ReadAllBytes(path), AdaptersJsonContext.Default.OpenLoop)!)
                    .OrderBy(loop => loop.CreatedAt)
                    .ThenBy(loop => loop.HumanLoopName, StringComparer.Ordinal)
                    .ToList()
                : []);

    private string PathOf(string humanLoopName) => Path.Combine(openFolder, humanLoopName + ".json");

    // A2I's own rule; it also keeps the name a safe file name.
    private static void CheckName(string humanLoopName)
    {
        if (!HumanLoopName.IsValid(humanLoopName))
        {
            throw new PortException(PortFailure.Invalid, $"{Printable.Quote(humanLoopName, maxChars: 120)} is not a valid human loop name: 1 to 63 lowercase letters, digits and inner hyphens.");
        }
    }
}
