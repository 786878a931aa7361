using System.Text.Json;

namespace ContinuousImprovement.Local.Adapters;

/// <summary>
/// Untrusted text (keys, names) in error messages: quoted and JSON-escaped, so control characters cannot forge
/// log lines, and cut after 120 characters.
/// </summary>
internal static class Shown
{
    public static string Quote(string? text) =>
        text is null ? "null" : '"' + JsonEncodedText.Encode(text.Length > 120 ? text[..120] + "…" : text).ToString() + '"';
}
