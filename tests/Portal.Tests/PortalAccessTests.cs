using System.Net;
using System.Net.Http.Headers;

namespace ContinuousImprovement.Local.Portal.Tests;

public sealed class PortalAccessTests : IAsyncLifetime
{
    private PortalHarness harness = null!;

    public async Task InitializeAsync() => harness = await PortalHarness.StartAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Theory]
    [InlineData("/")]
    [InlineData("/loops/some-loop")]
    [InlineData("/crowd-html-elements.js")]
    [InlineData("/objects/x.png?bucket=photos&key=x.png&expires=1&signature=AA")]
    public async Task Without_the_token_every_route_answers_401(string path)
    {
        using var response = await harness.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("?token=", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task A_submission_without_the_token_is_refused_and_the_loop_stays_open()
    {
        var loop = await harness.OpenLoopAsync("a.png", ["cat", "dog"]);

        using var response = await harness.SubmitAsync(loop, """{"crowd-image-classifier":{"label":"dog"}}""");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotNull(harness.Reviews.FindOpenLoop(loop));
        Assert.Empty(await harness.OutputsAsync());
    }

    [Fact]
    public async Task The_token_link_sets_an_http_only_strict_cookie_and_redirects_to_the_page_without_the_token()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false, UseProxy = false };
        using var client = new HttpClient(handler) { BaseAddress = harness.Portal.BaseUrl };

        using var response = await client.GetAsync($"/loops/x?token={PortalHarness.Token}&keep=1");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/loops/x?keep=1", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("=" + PortalHarness.Token, cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task After_signing_in_the_cookie_alone_opens_the_portal()
    {
        await harness.SignInAsync();

        using var response = await harness.Client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("No image is waiting for review.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_token_in_the_link_is_forbidden_and_sets_no_cookie()
    {
        using var response = await harness.Client.GetAsync("/?token=not-the-token-at-all");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(harness.Cookies.GetCookies(harness.Portal.BaseUrl));
    }

    [Fact]
    public async Task A_wrong_bearer_token_is_forbidden_and_the_right_one_is_let_in()
    {
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "wrong-token-0123456789");
        using var right = new HttpRequestMessage(HttpMethod.Get, "/");
        right.Headers.Authorization = new AuthenticationHeaderValue("Bearer", PortalHarness.Token);

        using var refused = await harness.Client.SendAsync(wrong);
        using var allowed = await harness.Client.SendAsync(right);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.OK), (refused.StatusCode, allowed.StatusCode));
    }

    [Fact]
    public async Task A_request_naming_another_host_is_refused_even_with_the_token()
    {
        await harness.SignInAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "attacker.example:" + harness.Portal.BaseUrl.Port;

        using var response = await harness.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("attacker.example", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_portal_listens_on_loopback_and_prints_its_token_in_the_sign_in_link()
    {
        Assert.Equal("127.0.0.1", harness.Portal.BaseUrl.Host);
        Assert.NotEqual(0, harness.Portal.BaseUrl.Port);
        Assert.Equal($"http://127.0.0.1:{harness.Portal.BaseUrl.Port}/?token={PortalHarness.Token}", harness.Portal.SignInUrl.ToString());
    }

    [Fact]
    public async Task Without_a_token_option_the_portal_makes_a_random_128_bit_one()
    {
        await using var first = await PortalHarness.StartAsync(o => o with { Token = null });
        await using var second = await PortalHarness.StartAsync(o => o with { Token = null });

        Assert.Matches("^[0-9a-f]{32}$", first.Portal.Token);
        Assert.NotEqual(first.Portal.Token, second.Portal.Token);
    }
}
