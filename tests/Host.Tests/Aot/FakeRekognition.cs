using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContinuousImprovement.Host.Tests.Aot;

/// <summary>
/// Rekognition's awsJson1_1 endpoint on 127.0.0.1 (Kestrel), for a typed client whose endpoint a variable overrides:
/// every POST is recorded (target, authorization, body) and answered with <see cref="Answer"/>. There is no local
/// Rekognition to run, and what matters here is where the AOT binary sends the call and how it signs it.
/// </summary>
public sealed class FakeRekognition : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakeRekognition(WebApplication app, Uri url)
    {
        this.app = app;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>The DetectCustomLabels answer (JSON).</summary>
    public required string Answer { get; init; }

    public ConcurrentQueue<(string Target, string Authorization, string Body)> Received { get; } = new();

    public static async Task<FakeRekognition> StartAsync(string answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        FakeRekognition? fake = null;
        app.MapPost("/", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            fake!.Received.Enqueue((http.Request.Headers["X-Amz-Target"].ToString(), http.Request.Headers.Authorization.ToString(), await reader.ReadToEndAsync()));
            http.Response.ContentType = "application/x-amz-json-1.1";
            await http.Response.WriteAsync(fake.Answer);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        fake = new FakeRekognition(app, new Uri(address)) { Answer = answer };
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
