using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

using ContinuousImprovement.Core.Sampling;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Local.Adapters;

namespace ContinuousImprovement.Local.Portal;

/// <summary>The portal's own pages (the list of open loops, messages); every untrusted text is HTML-encoded.</summary>
internal static class PortalPages
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Style = """
        body { font-family: system-ui, sans-serif; margin: 2rem; color: #1d2733; }
        h1 { font-size: 1.4rem; }
        ol.loops { list-style: none; padding: 0; display: grid; gap: 1rem; }
        ol.loops > li { display: flex; gap: 1rem; align-items: flex-start; border: 1px solid #d5dbe3; border-radius: 6px; padding: .75rem; }
        ol.loops img { width: 128px; height: 128px; object-fit: contain; background: #f3f5f8; image-rendering: pixelated; }
        .meta { color: #5b6b7d; font-size: .9rem; }
        .warning { background: #fff4d6; border: 1px solid #e9c46a; padding: .5rem .75rem; border-radius: 4px; }
        """;

    /// <summary>The open loops, oldest first, each with its image, the model's guess, the reasons and a link.</summary>
    public static string Listing(IReadOnlyList<OpenLoop> loops, int unpublished, ObjectGrants grants)
    {
        var body = new StringBuilder();
        body.Append("<h1>Images waiting for a label</h1>\n");
        if (unpublished > 0)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p class=\"warning\" role=\"alert\">{unpublished} answered loop(s) could not be written to the bucket yet; the portal keeps retrying.</p>\n");
        }

        if (loops.Count == 0)
        {
            body.Append("<p id=\"empty\">No image is waiting for review.</p>\n");
            return Page("Review portal", body.ToString());
        }

        body.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{loops.Count} waiting, oldest first.</p>\n<ol class=\"loops\">\n");
        foreach (var loop in loops)
        {
            var link = "/loops/" + Uri.EscapeDataString(loop.HumanLoopName);
            var image = grants.UrlFor(new S3ObjectRef(loop.Bucket, loop.Key, loop.VersionId, loop.ETag));
            body.Append(CultureInfo.InvariantCulture, $"<li data-loop=\"{E(loop.HumanLoopName)}\">")
                .Append(CultureInfo.InvariantCulture, $"<a href=\"{E(link)}\"><img src=\"{E(image)}\" alt=\"{E(loop.Key)}\" loading=\"lazy\"></a>")
                .Append("<div>")
                .Append(CultureInfo.InvariantCulture, $"<p><a class=\"review\" href=\"{E(link)}\">Review {E(loop.Key)}</a></p>")
                .Append(CultureInfo.InvariantCulture, $"<p class=\"guess\">{E(Guess(loop))}</p>");
            if (loop.Reasons.Count > 0)
            {
                body.Append("<ul class=\"reasons\">");
                foreach (var reason in loop.Reasons)
                {
                    body.Append(CultureInfo.InvariantCulture, $"<li>{E(reason)}</li>");
                }

                body.Append("</ul>");
            }

            body.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">Waiting since {E(loop.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture))} · {E(loop.HumanLoopName)}</p>")
                .Append("</div></li>\n");
        }

        body.Append("</ol>\n");
        return Page("Review portal", body.ToString());
    }

    /// <summary>A page that only says something (not found, already answered, an error).</summary>
    public static string Message(string title, string text) =>
        Page(title, $"<h1>{E(title)}</h1>\n<p id=\"message\">{E(text)}</p>\n<p><a href=\"/\">Back to the list</a></p>\n");

    private static string Guess(OpenLoop loop)
    {
        var top = new Prediction(loop.Prediction.Select(p => new LabelConfidence(p.Label, p.Confidence)).ToList()).Top;
        return top is null
            ? "The model predicted no label."
            : $"Model's guess: {top.Label} ({top.Confidence.ToString("0.##", CultureInfo.InvariantCulture)}%)";
    }

    private static string Page(string title, string body) =>
        $"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{E(title)}</title><style>{Style}</style></head>\n<body>\n{body}</body></html>\n";

    private static string E(string text) => Html.Encode(text);
}
