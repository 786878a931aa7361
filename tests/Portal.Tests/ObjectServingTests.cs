using System.Net;
using System.Text.RegularExpressions;

namespace ContinuousImprovement.Local.Portal.Tests;

public sealed partial class ObjectServingTests : IAsyncLifetime
{
    private PortalHarness harness = null!;

    public async Task InitializeAsync()
    {
        harness = await PortalHarness.StartAsync();
        await harness.SignInAsync();
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    private async Task<string> GrantedLinkAsync()
    {
        var loop = await harness.OpenLoopAsync("cat.png", ["cat", "dog"]);
        var html = await harness.Client.GetStringAsync("/loops/" + loop);
        return WebUtility.HtmlDecode(ImageSource().Match(html).Groups[1].Value);
    }

    [Fact]
    public async Task A_link_changed_to_another_bucket_is_refused_and_names_the_bucket_served()
    {
        var link = await GrantedLinkAsync();

        using var response = await harness.Client.GetAsync(link.Replace("bucket=photos", "bucket=secrets", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Only objects of bucket \"photos\" are served, not of \"secrets\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("images_for_detection%2Fcat.png", "images_for_detection%2Fother.png")]
    [InlineData("images_for_detection%2Fcat.png", "..%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("images_for_detection%2Fcat.png", "review_output%2Fsecret.json")]
    public async Task A_link_changed_to_another_key_is_refused(string granted, string changed)
    {
        var link = await GrantedLinkAsync();

        using var response = await harness.Client.GetAsync(link.Replace("key=" + granted, "key=" + changed, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("was not granted by this portal", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hand_made_link_without_a_signature_is_refused()
    {
        using var response = await harness.Client.GetAsync("/objects/cat.png?bucket=photos&key=images_for_detection%2Fcat.png");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_granted_link_expires_after_12_hours()
    {
        var link = await GrantedLinkAsync();
        harness.Time.Advance(TimeSpan.FromHours(12) + TimeSpan.FromSeconds(1));

        using var response = await harness.Client.GetAsync(link);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("has expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_granted_object_that_is_gone_is_not_found()
    {
        var link = await GrantedLinkAsync();
        File.Delete(Path.Combine(harness.Root, "objects", "photos", "images_for_detection", "cat.png"));

        using var response = await harness.Client.GetAsync(link);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Served_objects_may_not_run_script()
    {
        var link = await GrantedLinkAsync();

        using var response = await harness.Client.GetAsync(link);

        Assert.Contains("sandbox", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [GeneratedRegex("\\ssrc=\"(/objects/[^\"]*)\"")]
    private static partial Regex ImageSource();
}
