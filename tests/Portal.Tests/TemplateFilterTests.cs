namespace ContinuousImprovement.Local.Portal.Tests;

/// <summary>A2I's Liquid filters as the portal renders them, through a template that uses each one.</summary>
public sealed class TemplateFilterTests : IAsyncLifetime
{
    private const string Template = """
        <script src="https://assets.crowd.aws/crowd-html-elements.js"></script>
        auto:[{{ task.input.reasons[0] }}]
        escape:[{{ task.input.reasons[0] | escape }}]
        escape_once:[{{ "a &amp; b < c" | escape_once }}]
        skip:[{{ task.input.reasons[0] | skip_autoescape }}]
        json:[{{ task.input | to_json }}]
        json-attr:<div data-json='{{ task.input.labels | to_json }}'></div>
        grant-s3:[{{ task.input.taskObject | grant_read_access }}]
        grant-https:[{{ "https://example.com/a.png" | grant_read_access }}]
        number:[{{ task.input.confidence }}]
        """;

    private readonly string path = Path.Combine(Path.GetTempPath(), "filters-" + Guid.NewGuid().ToString("N") + ".html");
    private PortalHarness harness = null!;
    private string page = "";

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(path, Template);
        harness = await PortalHarness.StartAsync(o => o with { TemplatePath = path });
        await harness.SignInAsync();
        var loop = await harness.OpenLoopAsync("a.png", ["it's", "x"], reasons: "<b>bold</b> & 'quoted'");
        page = await harness.Client.GetStringAsync("/loops/" + loop);
    }

    public async Task DisposeAsync()
    {
        await harness.DisposeAsync();
        File.Delete(path);
    }

    [Fact]
    public void Output_is_html_escaped_by_default_and_an_explicit_escape_escapes_once() =>
        Assert.Equal(
            ("auto:[&lt;b&gt;bold&lt;/b&gt; &amp; &#x27;quoted&#x27;]", "escape:[&lt;b&gt;bold&lt;/b&gt; &amp; &#39;quoted&#39;]", "escape_once:[a &amp; b &lt; c]"),
            (Line("auto:"), Line("escape:"), Line("escape_once:")));

    [Fact]
    public void Skip_autoescape_writes_the_text_as_it_is() =>
        Assert.Equal("skip:[<b>bold</b> & 'quoted']", Line("skip:"));

    [Fact]
    public void To_json_writes_the_whole_input_as_json_with_markup_characters_escaped_inside_strings()
    {
        var json = Line("json:")["json:[".Length..^1];

        Assert.StartsWith("""{"taskObject":"s3://photos/images_for_detection/a.png","label":"cat","confidence":41.7,"confidenceText":"41.7","labels":["it\u0027s","x"]""", json, StringComparison.Ordinal);
        Assert.Contains("""\u003Cb\u003Ebold\u003C/b\u003E \u0026 \u0027quoted\u0027""", json, StringComparison.Ordinal);
        Assert.Equal("""json-attr:<div data-json='["it\u0027s","x"]'></div>""", Line("json-attr:"));
    }

    [Fact]
    public void Grant_read_access_links_an_s3_uri_to_the_portal_and_leaves_other_urls_alone()
    {
        Assert.StartsWith("grant-s3:[/objects/a.png?bucket=photos&amp;key=images_for_detection%2Fa.png&amp;expires=", Line("grant-s3:"), StringComparison.Ordinal);
        Assert.Equal("grant-https:[https://example.com/a.png]", Line("grant-https:"));
    }

    [Fact]
    public void Numbers_print_as_json_wrote_them() => Assert.Equal("number:[41.7]", Line("number:"));

    private string Line(string prefix) =>
        page.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith(prefix, StringComparison.Ordinal));
}
