using System.Net;
using System.Text;

using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Review;
using ContinuousImprovement.Core.Sampling;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Local.Adapters;

namespace ContinuousImprovement.Local.Portal.Tests;

/// <summary>
/// A started portal over a temp folder: a folder object store holding the images, the twin's human loops, a
/// manual clock, and an HTTP client that keeps the portal's cookie.
/// </summary>
internal sealed class PortalHarness : IAsyncDisposable
{
    public const string Bucket = "photos";
    public const string Flow = "ci-review";
    public const string Token = "test-token-0123456789abcdef";

    private readonly FolderObjectStore store;

    private PortalHarness(string root, ManualTime time)
    {
        Root = root;
        Time = time;
        store = new FolderObjectStore(Path.Combine(root, "objects"), time);
        Objects = new FlakyObjectStore(store);
        Reviews = new LocalHumanReview(Path.Combine(root, "reviews"), time);
        Client = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, UseProxy = false });
    }

    public string Root { get; }

    public ManualTime Time { get; }

    public FlakyObjectStore Objects { get; }

    public LocalHumanReview Reviews { get; }

    public CookieContainer Cookies { get; } = new();

    public HttpClient Client { get; }

    public ReviewPortal Portal { get; private set; } = null!;

    public static async Task<PortalHarness> StartAsync(Func<ReviewPortalOptions, ReviewPortalOptions>? configure = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "ci-portal-" + Guid.NewGuid().ToString("N")[..12]);
        var harness = new PortalHarness(root, new ManualTime(new DateTimeOffset(2026, 6, 1, 9, 30, 15, TimeSpan.Zero)));
        var options = new ReviewPortalOptions
        {
            Reviews = harness.Reviews,
            Objects = harness.Objects,
            Bucket = Bucket,
            FlowDefinitionName = Flow,
            Time = harness.Time,
            Token = Token,
        };
        harness.Portal = await ReviewPortal.StartAsync(configure is null ? options : configure(options));
        harness.Client.BaseAddress = harness.Portal.BaseUrl;
        return harness;
    }

    /// <summary>Stores a PNG under images_for_detection/ and opens a loop for it; answers the loop's name.</summary>
    public async Task<string> OpenLoopAsync(string fileName, IReadOnlyList<string> labels, Prediction? prediction = null, params string[] reasons)
    {
        var key = BucketLayout.ImagesForDetection + fileName;
        var stored = await store.PutAsync(Bucket, key, TestImages.Png, "image/png", null, default);
        var request = new ReviewRequest(HumanLoopName.For(stored.Ref), stored.Ref, labels, prediction ?? new Prediction([new("cat", 41.7)]), reasons);
        Assert.Equal(ReviewStart.Started, await Reviews.StartAsync(request, default));
        return request.HumanLoopName;
    }

    /// <summary>Presents the token once, as the printed link does, so the client holds the cookie.</summary>
    public async Task SignInAsync()
    {
        using var response = await Client.GetAsync(Portal.SignInUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public async Task<HttpResponseMessage> SubmitAsync(string loopName, string answerContentJson) =>
        await Client.PostAsync("/loops/" + loopName, new StringContent($$"""{"answerContent":{{answerContentJson}}}""", Encoding.UTF8, "application/json"));

    /// <summary>Every object under review_output/, with its bytes as text.</summary>
    public async Task<IReadOnlyList<(string Key, string Json)>> OutputsAsync()
    {
        var outputs = new List<(string, string)>();
        await foreach (var stored in store.ListAsync(Bucket, BucketLayout.ReviewOutput, default))
        {
            var content = await store.GetAsync(Bucket, stored.Ref.Key, default);
            outputs.Add((stored.Ref.Key, Encoding.UTF8.GetString(content!.Body.Span)));
        }

        return outputs;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (Portal is not null)
        {
            await Portal.DisposeAsync();
        }

        store.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
