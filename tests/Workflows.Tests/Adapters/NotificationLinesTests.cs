using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Local.Adapters;
using ContinuousImprovement.Workflows.Tests.Twin;

namespace ContinuousImprovement.Workflows.Tests.Adapters;

public sealed class NotificationLinesTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Each_published_notification_is_one_json_line_read_back_in_order()
    {
        var outbox = new JsonlOutbox(folder["mail/outbox.jsonl"]);
        var first = new Notification("workflow-error", "Detection failed", "line one\nline two", At);
        var second = new Notification("image-quarantined", "Quarantined", "x", At.AddMinutes(1));

        await outbox.PublishAsync(first, default);
        await outbox.PublishAsync(second, default);

        Assert.Equal([first, second], outbox.Published());
        Assert.Equal(2, File.ReadAllLines(outbox.Path).Length);
        Assert.Contains("\"kind\":\"workflow-error\"", File.ReadAllLines(outbox.Path)[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_digest_keeps_every_notification_even_from_many_writers()
    {
        var digest = new JsonlNotificationDigest(folder["digest.jsonl"]);

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => digest.AddAsync(new Notification("review-started", $"s{i}", "m", At), default))));

        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"s{i}").Order(), digest.Pending().Select(n => n.Subject).Order());
    }

    [Fact]
    public void An_outbox_nothing_was_published_to_is_empty() =>
        Assert.Empty(new JsonlOutbox(folder["none.jsonl"]).Published());
}
