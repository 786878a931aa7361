namespace ContinuousImprovement.Local.Portal.Tests;

/// <summary>
/// A test that drives Debian's Chromium; skipped, saying why, only when it is not installed. Playwright must never
/// download a browser here.
/// </summary>
internal sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ExecutablePath))
        {
            Skip = $"{ExecutablePath} is missing: install Debian's Chromium (apt-get install -y chromium) to run the browser suite.";
        }
    }
}
