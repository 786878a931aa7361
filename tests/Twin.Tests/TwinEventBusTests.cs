using ContinuousImprovement.Asl.Runtime;

namespace ContinuousImprovement.Local.Twin.Tests;

public sealed class TwinEventBusTests : IDisposable
{
    private readonly TwinFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Events_no_rule_matches_start_nothing_and_an_unreadable_one_does_not_stop_delivery()
    {
        var told = new List<string>();
        await using var twin = await LocalTwin.OpenAsync(new TwinOptions(folder.Path) { Clock = new VirtualClock(), Log = told.Add });

        twin.Bus.Publish("""{"source":"aws.s3","detail-type":"Object Deleted","detail":{}}""");
        twin.Bus.Publish("not json at all");
        await twin.Objects.PutAsync(twin.Bucket, "images_for_detection/after.png", new byte[] { 0x89, 0x50, 0x4E, 0x47 }, "image/png", null, default);
        await twin.WhenIdleAsync().WaitAsync(TimeSpan.FromMinutes(1));

        // The two above, and the pending marker detection files for the upload (no model serves yet).
        Assert.Equal(3, twin.Bus.Counts.Unrouted);
        Assert.Contains(told, line => line.Contains("not JSON", StringComparison.Ordinal));
        Assert.Equal("detection", Assert.Single(twin.Journal.Summaries()).Workflow);
    }
}
