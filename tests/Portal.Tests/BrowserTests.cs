using System.Text.Json;

using ContinuousImprovement.Core.Review;
using ContinuousImprovement.Core.Sampling;

using Microsoft.Playwright;

namespace ContinuousImprovement.Local.Portal.Tests;

/// <summary>
/// The portal in a real browser: the worker template with the local crowd elements, driven the way a reviewer
/// uses it. Run alone with <c>--filter Suite=browser</c>.
/// </summary>
[Trait("Suite", "browser")]
public sealed class BrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    // Generous: the suite must pass on a loaded 2-core machine; nothing here waits for a fixed time.
    private const float Timeout = 60_000;

    private PortalHarness harness = null!;
    private IBrowserContext context = null!;
    private IPage page = null!;

    public async Task InitializeAsync()
    {
        harness = await PortalHarness.StartAsync();
        if (File.Exists(ChromiumFactAttribute.ExecutablePath))
        {
            context = await (await fixture.BrowserAsync()).NewContextAsync();
            page = await context.NewPageAsync();
            page.SetDefaultTimeout(Timeout);
        }
    }

    public async Task DisposeAsync()
    {
        if (context is not null)
        {
            await context.DisposeAsync();
        }

        await harness.DisposeAsync();
    }

    [ChromiumFact]
    public async Task A_reviewer_opens_the_link_picks_a_label_and_submits_and_the_output_is_written_and_the_loop_closed()
    {
        var loop = await harness.OpenLoopAsync("cat.png", ["cat", "dog", "None of the Above"], new Prediction([new("cat", 41.7)]), "below-threshold: top confidence 41.7 < 70 (cat)");

        await page.GotoAsync(harness.Portal.SignInUrl.ToString());
        await Assertions.Expect(page.Locator("li[data-loop]")).ToHaveCountAsync(1, new() { Timeout = Timeout });
        await page.GetByRole(AriaRole.Link, new() { Name = "Review images_for_detection/cat.png" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Radio)).ToHaveCountAsync(3, new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("short-instructions")).ToContainTextAsync("The model guessed cat with 41.7% confidence.", new() { Timeout = Timeout });
        await page.WaitForFunctionAsync("() => { const image = document.querySelector('crowd-image-classifier img'); return image && image.complete && image.naturalWidth === 4; }");
        await page.GetByRole(AriaRole.Radio, new() { Name = "dog" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Answer saved", new() { Timeout = Timeout });
        var (key, json) = Assert.Single(await harness.OutputsAsync());
        Assert.Equal(ReviewOutputKey.For(PortalHarness.Flow, loop, harness.Time.GetUtcNow()), key);
        using (var document = JsonDocument.Parse(json))
        {
            var answer = document.RootElement.GetProperty("humanAnswers")[0].GetProperty("answerContent");
            Assert.Equal("""{"crowd-image-classifier":{"label":"dog"}}""", answer.GetRawText());
        }

        Assert.Equal(["dog"], Assert.Single(ReviewOutputParser.Parse(json).Value!.Answers).Labels);
        Assert.Equal(HumanLoopStatus.Completed, await harness.Reviews.StatusAsync(loop, default));

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the list" }).ClickAsync();
        await Assertions.Expect(page.Locator("#empty")).ToHaveTextAsync("No image is waiting for review.", new() { Timeout = Timeout });
    }

    [ChromiumFact]
    public async Task Submitting_without_picking_a_label_asks_for_one_and_writes_nothing()
    {
        var loop = await harness.OpenLoopAsync("cat.png", ["cat", "dog"]);

        await page.GotoAsync(new Uri(harness.Portal.BaseUrl, $"/loops/{loop}?token={harness.Portal.Token}").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Pick a label for the image.", new() { Timeout = Timeout });
        Assert.Empty(await harness.OutputsAsync());
        Assert.Equal(HumanLoopStatus.InProgress, await harness.Reviews.StatusAsync(loop, default));
    }

    [ChromiumFact]
    public async Task A_loop_answered_in_another_tab_is_refused_with_the_portals_message()
    {
        var loop = await harness.OpenLoopAsync("cat.png", ["cat", "dog"]);
        await page.GotoAsync(new Uri(harness.Portal.BaseUrl, $"/loops/{loop}?token={harness.Portal.Token}").ToString());
        await page.GetByRole(AriaRole.Radio, new() { Name = "cat" }).CheckAsync();
        await harness.SignInAsync();
        (await harness.SubmitAsync(loop, """{"crowd-image-classifier":{"label":"dog"}}""")).Dispose();

        await page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("is not open: it was answered at", new() { Timeout = Timeout });
        var (_, json) = Assert.Single(await harness.OutputsAsync());
        Assert.Equal(["dog"], Assert.Single(ReviewOutputParser.Parse(json).Value!.Answers).Labels);
    }
}
