using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Core.State;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Local.Adapters;
using ContinuousImprovement.Local.Twin;
using Microsoft.Playwright;

namespace ContinuousImprovement.Local.Portal.Tests;

/// <summary>
/// The portal on the running twin, in Chromium: an upload the model is unsure of opens a human loop, a reviewer
/// answers it in the browser, and the review-filing workflow files the image under the picked label.
/// </summary>
[Trait("Suite", "browser")]
public sealed class TwinBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const float Timeout = 60_000;
    private const string ServingArn = "arn:aws:rekognition:local-1:000000000000:project/continuous-improvement/version/v1/1700000000000";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "ci-portal-twin-" + Guid.NewGuid().ToString("N")[..12]);
    private LocalTwin twin = null!;
    private ReviewPortal portal = null!;

    public async Task InitializeAsync()
    {
        twin = await LocalTwin.OpenAsync(new TwinOptions(folder) { Clock = new VirtualClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)) });
        portal = await ReviewPortal.StartAsync(new ReviewPortalOptions
        {
            Reviews = twin.Reviews,
            Objects = twin.Objects,
            Bucket = twin.Bucket,
            FlowDefinitionName = twin.Options.FlowDefinitionName,
            Time = twin.Time,
        });
    }

    public async Task DisposeAsync()
    {
        await portal.DisposeAsync();
        await twin.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [ChromiumFact]
    public async Task A_reviewer_answers_an_uncertain_upload_in_the_browser_and_the_twin_files_the_image_under_that_label()
    {
        LocalModelRuntime.Save(Path.Combine(folder, "models"), new LocalModelVersion(ServingArn, LocalModelRuntime.Running, new Dictionary<string, IReadOnlyList<LocalLabel>>(), [new LocalLabel("Sneaker", 44.0), new LocalLabel("Sandal", 41.0)]));
        await twin.Parameters.PutAsync(twin.Catalog.FullName(twin.Catalog.SystemParameter.Name), SystemStateDocument.Serialize(SystemState.Initial with { Serving = new ServingVersion(ServingArn, 0.8, twin.Clock.Now) }), default);
        await twin.UploadAsync("shoe.png", TestImages.Png);
        await twin.WhenIdleAsync();
        Assert.Single(twin.Reviews.OpenLoops());

        await using var context = await (await fixture.BrowserAsync()).NewContextAsync();
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Timeout);
        await page.GotoAsync(portal.SignInUrl.ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "Review images_for_detection/shoe.png" }).ClickAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "Sandal" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Answer saved", new() { Timeout = Timeout });

        await twin.WhenIdleAsync();
        var filed = new List<string>();
        await foreach (var item in twin.Objects.ListAsync(twin.Bucket, BucketLayout.LabeledImages, default))
        {
            filed.Add(item.Ref.Key);
        }

        Assert.StartsWith(BucketLayout.LabeledImages + "Sandal/", Assert.Single(filed));
        Assert.Equal("Sandal", (await twin.Inferences.AllAsync(default)).Single().Record.HumanLabel);
        Assert.Empty(twin.Reviews.OpenLoops());
    }
}
