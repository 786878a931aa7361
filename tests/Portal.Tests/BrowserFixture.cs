using Microsoft.Playwright;

namespace ContinuousImprovement.Local.Portal.Tests;

/// <summary>One headless Debian Chromium for the browser suite, started on first use.</summary>
public sealed class BrowserFixture : IAsyncDisposable
{
    private static readonly string[] Flags =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly SemaphoreSlim gate = new(1, 1);
    private IPlaywright? playwright;
    private IBrowser? browser;

    public async Task<IBrowser> BrowserAsync()
    {
        await gate.WaitAsync();
        try
        {
            playwright ??= await Playwright.CreateAsync();
            return browser ??= await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumFactAttribute.ExecutablePath,
                Headless = true,
                Args = Flags,
            });
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        gate.Dispose();
    }
}
