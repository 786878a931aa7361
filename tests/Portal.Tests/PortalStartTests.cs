using ContinuousImprovement.Core.Review;
using ContinuousImprovement.Local.Adapters;

namespace ContinuousImprovement.Local.Portal.Tests;

public sealed class PortalStartTests
{
    [Theory]
    [InlineData("Not_A_Flow", "Flow definition name \"Not_A_Flow\" is not valid")]
    [InlineData("", "Flow definition name \"\" is not valid")]
    public async Task A_bad_flow_definition_name_is_refused_before_anything_listens(string flow, string expected)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => PortalHarness.StartAsync(o => o with { FlowDefinitionName = flow }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("has spaces in it, 0123456789")]
    public async Task A_token_too_short_or_not_url_safe_is_refused(string token)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => PortalHarness.StartAsync(o => o with { Token = token }));

        Assert.Contains("at least 16 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_template_is_refused_naming_the_file()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-template-" + Guid.NewGuid().ToString("N") + ".html");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PortalHarness.StartAsync(o => o with { TemplatePath = missing }));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<crowd-form>{{ task.input.taskObject | grant_read_access </crowd-form><script src=\"https://assets.crowd.aws/crowd-html-elements.js\"></script>", "is not valid Liquid")]
    [InlineData("<crowd-form></crowd-form>", "does not load https://assets.crowd.aws/crowd-html-elements.js")]
    public async Task A_template_that_would_not_work_on_a2i_is_refused(string template, string expected)
    {
        var path = Path.Combine(Path.GetTempPath(), "template-" + Guid.NewGuid().ToString("N") + ".html");
        await File.WriteAllTextAsync(path, template);
        try
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PortalHarness.StartAsync(o => o with { TemplatePath = path }));

            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task The_default_template_is_the_repositorys_a2i_template()
    {
        var path = RepositoryFiles.DefaultTemplatePath();

        Assert.True(File.Exists(path), path);
        Assert.EndsWith(Path.Combine("assets", "a2i", "worker-template.liquid.html"), path, StringComparison.Ordinal);
        Assert.Contains("<crowd-image-classifier", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outputs_a_previous_run_could_not_write_are_written_when_the_portal_starts()
    {
        await using var first = await PortalHarness.StartAsync();
        await first.SignInAsync();
        var loop = await first.OpenLoopAsync("cat.png", ["cat", "dog"]);
        first.Objects.FailWrites = true;
        (await first.SubmitAsync(loop, """{"crowd-image-classifier":{"label":"dog"}}""")).Dispose();
        Assert.Single(first.Reviews.UnpublishedLoops());
        first.Objects.FailWrites = false;

        await using var restarted = await ReviewPortal.StartAsync(new ReviewPortalOptions
        {
            Reviews = new LocalHumanReview(Path.Combine(first.Root, "reviews")),
            Objects = first.Objects,
            Bucket = PortalHarness.Bucket,
            FlowDefinitionName = PortalHarness.Flow,
        });

        var (_, json) = Assert.Single(await first.OutputsAsync());
        Assert.Equal(loop, ReviewOutputParser.Parse(json).Value!.HumanLoopName);
        Assert.Empty(first.Reviews.UnpublishedLoops());
    }
}
