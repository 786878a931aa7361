using ContinuousImprovement.Local.Adapters;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

using ContinuousImprovement.Core.Sampling;

namespace ContinuousImprovement.Local.Portal.Tests;

public sealed partial class PortalPageTests : IAsyncLifetime
{
    private PortalHarness harness = null!;

    public async Task InitializeAsync()
    {
        harness = await PortalHarness.StartAsync();
        await harness.SignInAsync();
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task The_list_shows_open_loops_oldest_first_with_the_guess_the_reasons_and_a_link()
    {
        var first = await harness.OpenLoopAsync("zebra.png", ["cat", "dog"], new Prediction([new("dog", 12.5), new("cat", 41.7)]), "below-threshold: top confidence 41.7 < 70 (cat)");
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var second = await harness.OpenLoopAsync("apple.png", ["cat", "dog"], Prediction.Empty, "no label at all");

        var html = await harness.Client.GetStringAsync("/");

        Assert.Equal([first, second], LoopItem().Matches(html).Select(m => m.Groups[1].Value));
        Assert.Contains($"href=\"/loops/{first}\"", html, StringComparison.Ordinal);
        Assert.Contains("Model&#x27;s guess: cat (41.7%)", html, StringComparison.Ordinal);
        Assert.Contains("below-threshold: top confidence 41.7 &lt; 70 (cat)", html, StringComparison.Ordinal);
        Assert.Contains("The model predicted no label.", html, StringComparison.Ordinal);
        Assert.Equal(2, ObjectLink().Count(html));
    }

    [Fact]
    public async Task The_loop_page_is_the_worker_template_with_the_loops_labels_and_the_local_crowd_script()
    {
        string[] labels = ["cat", "Tom & \"Jerry\" <x>", "None of the Above"];
        var loop = await harness.OpenLoopAsync("cat.png", labels, new Prediction([new("cat", 41.7)]), "below-threshold: top confidence 41.7 < 70 (cat)");

        using var response = await harness.Client.GetAsync("/loops/" + loop);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<crowd-image-classifier", html, StringComparison.Ordinal);
        Assert.Contains("name=\"crowd-image-classifier\"", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/crowd-html-elements.js\"></script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("assets.crowd.aws", html, StringComparison.Ordinal);
        Assert.Equal(labels, JsonSerializer.Deserialize(Attribute(html, "categories"), PortalTestJsonContext.Default.StringArray));
        Assert.Contains("The model guessed <strong>cat</strong> with 41.7% confidence.", html, StringComparison.Ordinal);
        Assert.Contains("<li>below-threshold: top confidence 41.7 &lt; 70 (cat)</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<x>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_granted_image_link_in_the_page_serves_the_image_bytes()
    {
        var loop = await harness.OpenLoopAsync("cat.png", ["cat", "dog"]);
        var html = await harness.Client.GetStringAsync("/loops/" + loop);

        var src = WebUtility.HtmlDecode(ImageSource().Match(html).Groups[1].Value);
        using var response = await harness.Client.GetAsync(src);

        Assert.StartsWith("/objects/cat.png?bucket=photos&key=images_for_detection%2Fcat.png&", src, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(TestImages.Png, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_crowd_elements_script_defines_every_element_the_template_uses()
    {
        using var response = await harness.Client.GetAsync("/crowd-html-elements.js");
        var script = await response.Content.ReadAsStringAsync();
        var template = await File.ReadAllTextAsync(RepositoryFiles.DefaultTemplatePath());

        Assert.Equal("text/javascript", response.Content.Headers.ContentType!.MediaType);
        var used = CustomElement().Matches(template).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Equal(["crowd-form", "crowd-image-classifier", "short-instructions", "full-instructions"], used);
        Assert.All(used, tag => Assert.Contains($"customElements.define('{tag}'", script, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_loop_never_started_is_not_found_and_an_answered_one_says_so()
    {
        var loop = await harness.OpenLoopAsync("cat.png", ["cat", "dog"]);
        using (var submitted = await harness.SubmitAsync(loop, """{"crowd-image-classifier":{"label":"dog"}}"""))
        {
            Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        }

        using var unknown = await harness.Client.GetAsync("/loops/never-started");
        using var invalid = await harness.Client.GetAsync("/loops/NOT..valid");
        using var answered = await harness.Client.GetAsync("/loops/" + loop);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.Conflict), (unknown.StatusCode, invalid.StatusCode, answered.StatusCode));
        Assert.Contains("was answered at 2026-06-01 09:30:15 UTC", await answered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_forbid_framing_and_sniffing_and_are_not_cached()
    {
        using var response = await harness.Client.GetAsync("/");

        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    // Attribute values in the page are HTML-encoded; decoding gives what the browser hands the element.
    private static string Attribute(string html, string name) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"\\s{name}=\"([^\"]*)\"").Groups[1].Value);

    [GeneratedRegex("<li data-loop=\"([^\"]+)\"")]
    private static partial Regex LoopItem();

    [GeneratedRegex("\\ssrc=\"(/objects/[^\"]*)\"")]
    private static partial Regex ImageSource();

    [GeneratedRegex("src=\"/objects/")]
    private static partial Regex ObjectLink();

    [GeneratedRegex("<((?:crowd-[a-z-]+)|short-instructions|full-instructions)[\\s>]")]
    private static partial Regex CustomElement();
}
