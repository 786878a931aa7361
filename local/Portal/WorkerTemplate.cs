using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

using ContinuousImprovement.Core.Storage;

using Fluid;
using Fluid.Values;

namespace ContinuousImprovement.Local.Portal;

/// <summary>
/// The A2I worker task template, rendered as A2I renders it: Liquid with <c>task.input</c> = the loop's input,
/// output HTML-escaped unless a filter says otherwise, and A2I's extra filters — <c>grant_read_access</c> (an
/// s3:// URI becomes a portal link serving that object), <c>to_json</c>, <c>skip_autoescape</c> — beside
/// Liquid's own (<c>escape</c>, <c>escape_once</c>, ...). The crowd-html-elements script from assets.crowd.aws is
/// replaced with the portal's local one.
/// </summary>
internal sealed class WorkerTemplate
{
    public const string CrowdScriptUrl = "https://assets.crowd.aws/crowd-html-elements.js";
    public const string LocalCrowdScriptPath = "/crowd-html-elements.js";

    // Non-ASCII text stays readable in the page; markup characters are still escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly IFluidTemplate template;
    private readonly TemplateOptions options = new();

    private WorkerTemplate(IFluidTemplate template, ObjectGrants grants)
    {
        this.template = template;
        options.CultureInfo = System.Globalization.CultureInfo.InvariantCulture;
        options.Filters.AddFilter("grant_read_access", (input, _, _) =>
            new StringValue(S3Uri.TryParse(input.ToStringValue(), out var image) ? grants.UrlFor(image) : input.ToStringValue()));
        options.Filters.AddFilter("to_json", (input, _, context) => new StringValue(LiquidValues.ToJson(input, context), encode: false));
        options.Filters.AddFilter("skip_autoescape", (input, _, _) => new StringValue(input.ToStringValue(), encode: false));
    }

    /// <summary>Reads and parses the template; a missing file, a Liquid error or no crowd script is an error naming the file.</summary>
    public static WorkerTemplate Load(string path, ObjectGrants grants)
    {
        string source;
        try
        {
            source = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"The worker task template {path} cannot be read: {e.Message}", e);
        }

        if (!source.Contains(CrowdScriptUrl, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The worker task template {path} does not load {CrowdScriptUrl}, so its crowd elements would not work on A2I or here.");
        }

        source = source.Replace(CrowdScriptUrl, LocalCrowdScriptPath, StringComparison.Ordinal);
        return new FluidParser().TryParse(source, out var parsed, out var error)
            ? new WorkerTemplate(parsed, grants)
            : throw new InvalidOperationException($"The worker task template {path} is not valid Liquid: {error}");
    }

    /// <summary>The page for one loop; <paramref name="inputContent"/> is its input JSON (an object).</summary>
    public async Task<string> RenderAsync(string inputContent)
    {
        using var input = JsonDocument.Parse(inputContent);
        var context = new TemplateContext(options);
        var task = new Dictionary<string, FluidValue>(StringComparer.Ordinal) { ["input"] = LiquidValues.FromJson(input.RootElement) };
        context.SetValue("task", new DictionaryValue(new FluidValueDictionaryFluidIndexable(task)));
        return await template.RenderAsync(context, Encoder).ConfigureAwait(false);
    }
}
