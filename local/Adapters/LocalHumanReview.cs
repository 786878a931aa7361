using System.Text.Json;

using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Review;
using ContinuousImprovement.Core.Sampling;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Core.Text;

namespace ContinuousImprovement.Local.Adapters;

/// <summary>
/// Human review in the twin: starting a loop writes <c>&lt;folder&gt;/open/&lt;loop name&gt;.json</c>, which the
/// review portal lists. The file is created only if absent (atomically, across processes), so the same loop
/// name twice answers <see cref="ReviewStart.AlreadyStarted"/>, as A2I refuses a duplicate name.
/// </summary>
/// <remarks>
/// Completing a loop creates <c>done/&lt;loop name&gt;.json</c> (the loop and the reviewer's answer), again
/// create-only, and then removes the open file: of two submissions for one loop, in any processes, exactly one
/// completes it. A done file is the truth; an open file left beside one (a crash between the two steps) is
/// ignored and removed when seen. The portal writes the answer's output document after completing the loop and
/// then marks it published; a completed loop not yet published is retried (<see cref="UnpublishedLoops"/>).
/// </remarks>
public sealed class LocalHumanReview : IHumanReview
{
    private readonly string openFolder;
    private readonly string doneFolder;
    private readonly string tempFolder;
    private readonly TimeProvider time;

    public LocalHumanReview(string folder, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var root = Path.GetFullPath(folder);
        openFolder = Path.Combine(root, "open");
        doneFolder = Path.Combine(root, "done");
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
            time.GetUtcNow(),
            ReviewTaskInput.ToJson(request));
        var json = JsonSerializer.SerializeToUtf8Bytes(loop, AdaptersJsonContext.Default.OpenLoop);

        // A2I keeps a completed loop's name taken, so a re-delivered event must not reopen it.
        var created = IoFailures.Guard(
            $"start human loop {request.HumanLoopName}",
            () => !File.Exists(DonePath(request.HumanLoopName)) && AtomicFile.TryCreate(OpenPath(request.HumanLoopName), json, tempFolder));
        return Task.FromResult(created ? ReviewStart.Started : ReviewStart.AlreadyStarted);
    }

    /// <summary><see cref="HumanLoopStatus.Completed"/> once answered, InProgress while open, null for a name never started.</summary>
    public Task<HumanLoopStatus?> StatusAsync(string humanLoopName, CancellationToken cancellationToken)
    {
        CheckName(humanLoopName);
        cancellationToken.ThrowIfCancellationRequested();
        var status = IoFailures.Guard($"describe human loop {humanLoopName}", () =>
            File.Exists(DonePath(humanLoopName)) ? HumanLoopStatus.Completed
            : File.Exists(OpenPath(humanLoopName)) ? HumanLoopStatus.InProgress
            : (HumanLoopStatus?)null);
        return Task.FromResult(status);
    }

    /// <summary>The loops waiting for a reviewer, oldest first (what the review portal lists).</summary>
    public IReadOnlyList<OpenLoop> OpenLoops() =>
        IoFailures.Guard("list open human loops", () =>
            Directory.Exists(openFolder)
                ? Directory.EnumerateFiles(openFolder, "*.json")
                    .Select(path => ReadOpen(Path.GetFileNameWithoutExtension(path)))
                    .OfType<OpenLoop>()
                    .OrderBy(loop => loop.CreatedAt)
                    .ThenBy(loop => loop.HumanLoopName, StringComparer.Ordinal)
                    .ToList()
                : []);

    /// <summary>The loop of that name if it waits for a reviewer; null when it was never started or is completed.</summary>
    public OpenLoop? FindOpenLoop(string humanLoopName)
    {
        CheckName(humanLoopName);
        return IoFailures.Guard($"read human loop {humanLoopName}", () => ReadOpen(humanLoopName));
    }

    /// <summary>The loop of that name with its answer if it was completed; null otherwise.</summary>
    public CompletedLoop? FindCompletedLoop(string humanLoopName)
    {
        CheckName(humanLoopName);
        return IoFailures.Guard($"read completed human loop {humanLoopName}", () => ReadDone(humanLoopName));
    }

    /// <summary>
    /// Completes the open loop <paramref name="humanLoopName"/> with <paramref name="answer"/>, exactly once: of
    /// any number of calls for one loop, from any threads or processes, one answers
    /// <see cref="LoopCompletion.Completed"/> and its answer is the one kept.
    /// </summary>
    public LoopCompletion TryComplete(string humanLoopName, LoopAnswer answer)
    {
        CheckName(humanLoopName);
        ArgumentNullException.ThrowIfNull(answer);
        return IoFailures.Guard($"complete human loop {humanLoopName}", () =>
        {
            if (File.Exists(DonePath(humanLoopName)))
            {
                return LoopCompletion.AlreadyCompleted;
            }

            var loop = ReadOpen(humanLoopName);
            if (loop is null)
            {
                // The open file goes only after the done file exists, so a loop completed meanwhile shows here.
                return File.Exists(DonePath(humanLoopName)) ? LoopCompletion.AlreadyCompleted : LoopCompletion.NotFound;
            }

            var record = JsonSerializer.SerializeToUtf8Bytes(new CompletedLoop(loop, answer, null), AdaptersJsonContext.Default.CompletedLoop);
            if (!AtomicFile.TryCreate(DonePath(humanLoopName), record, tempFolder))
            {
                return LoopCompletion.AlreadyCompleted;
            }

            File.Delete(OpenPath(humanLoopName));
            return LoopCompletion.Completed;
        });
    }

    /// <summary>Completed loops whose output document is not written yet, oldest answer first.</summary>
    public IReadOnlyList<CompletedLoop> UnpublishedLoops() =>
        IoFailures.Guard("list unpublished human loops", () =>
            Directory.Exists(doneFolder)
                ? Directory.EnumerateFiles(doneFolder, "*.json")
                    .Select(path => ReadDone(Path.GetFileNameWithoutExtension(path)))
                    .OfType<CompletedLoop>()
                    .Where(done => done.PublishedAt is null)
                    .OrderBy(done => done.Answer.AnsweredAt)
                    .ThenBy(done => done.Loop.HumanLoopName, StringComparer.Ordinal)
                    .ToList()
                : []);

    /// <summary>Records that the completed loop's output document is in the bucket.</summary>
    public void MarkPublished(string humanLoopName)
    {
        CheckName(humanLoopName);
        IoFailures.Guard($"mark human loop {humanLoopName} published", () =>
        {
            var done = ReadDone(humanLoopName)
                ?? throw new PortException(PortFailure.NotFound, $"Human loop {humanLoopName} is not completed, so it cannot be published.");
            if (done.PublishedAt is null)
            {
                var record = JsonSerializer.SerializeToUtf8Bytes(done with { PublishedAt = time.GetUtcNow() }, AdaptersJsonContext.Default.CompletedLoop);
                AtomicFile.Replace(DonePath(humanLoopName), record, tempFolder);
            }

            return true;
        });
    }

    private OpenLoop? ReadOpen(string humanLoopName)
    {
        var path = OpenPath(humanLoopName);
        byte[] json;
        try
        {
            json = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        if (File.Exists(DonePath(humanLoopName)))
        {
            // Left behind by a completion that stopped between its two steps: finish it.
            File.Delete(path);
            return null;
        }

        var loop = JsonSerializer.Deserialize(json, AdaptersJsonContext.Default.OpenLoop)
            ?? throw new PortException(PortFailure.Invalid, $"Open human loop file {path} holds null instead of a loop.");

        // Loops opened before the input was stored get the same input rebuilt from what was stored.
        return loop.InputContent is null ? loop with { InputContent = RebuiltInput(loop) } : loop;
    }

    private CompletedLoop? ReadDone(string humanLoopName)
    {
        var path = DonePath(humanLoopName);
        byte[] json;
        try
        {
            json = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        return JsonSerializer.Deserialize(json, AdaptersJsonContext.Default.CompletedLoop)
            ?? throw new PortException(PortFailure.Invalid, $"Completed human loop file {path} holds null instead of a loop.");
    }

    private static string RebuiltInput(OpenLoop loop) =>
        ReviewTaskInput.ToJson(new ReviewRequest(
            loop.HumanLoopName,
            new S3ObjectRef(loop.Bucket, loop.Key, loop.VersionId, loop.ETag),
            loop.Labels,
            new Prediction(loop.Prediction.Select(p => new LabelConfidence(p.Label, p.Confidence)).ToList()),
            loop.Reasons));

    private string OpenPath(string humanLoopName) => Path.Combine(openFolder, humanLoopName + ".json");

    private string DonePath(string humanLoopName) => Path.Combine(doneFolder, humanLoopName + ".json");

    // A2I's own rule; it also keeps the name a safe file name.
    private static void CheckName(string humanLoopName)
    {
        if (!HumanLoopName.IsValid(humanLoopName))
        {
            throw new PortException(PortFailure.Invalid, $"{Printable.Quote(humanLoopName, maxChars: 120)} is not a valid human loop name: 1 to 63 lowercase letters, digits and inner hyphens.");
        }
    }
}
