using Amazon.CDK;

namespace ContinuousImprovement.Infra.Tests;

/// <summary>The CDK context an operator passes, read into <see cref="StackSettings"/>.</summary>
public sealed class StackSettingsTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("false", false)]
    public void Create_workteam_reads_the_text_the_cli_passes(string value, bool expected) =>
        Assert.Equal(expected, Read(new() { ["createWorkteam"] = value, ["workteamArn"] = expected ? null! : "arn:aws:sagemaker:eu-west-1:111122223333:workteam/private-crowd/t" }).Review.CreateWorkteam);

    [Fact]
    public void Create_workteam_reads_a_json_boolean_from_cdk_json() =>
        Assert.True(Read(new() { ["createWorkteam"] = true }).Review.CreateWorkteam);

    [Fact]
    public void A_switch_that_is_not_a_boolean_is_refused_by_name()
    {
        var refused = Assert.Throws<ArgumentException>(() => Read(new() { ["createWorkteam"] = "yes" }));

        Assert.Equal("Context createWorkteam must be true or false, found \"yes\".", refused.Message);
    }

    [Fact]
    public void Without_a_review_choice_the_synth_stops_and_lists_the_choices()
    {
        var refused = Assert.Throws<ArgumentException>(() => Read([]));

        Assert.Contains("-c createWorkteam=true", refused.Message, StringComparison.Ordinal);
        Assert.Contains("-c flowDefinitionArn=", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/ContinuousImprovement/", "ContinuousImprovement-")]
    [InlineData("/Team/Images/", "Team-Images-")]
    public void Rule_names_start_with_the_parameter_prefix_made_a_rule_name(string prefix, string rulePrefix) =>
        Assert.Equal(rulePrefix, Read(new() { ["createWorkteam"] = "true", ["parameterPrefix"] = prefix }).RulePrefix);

    [Theory]
    [InlineData("/A-parameter-prefix-far-too-long-for-eventbridge-rules/")]
    [InlineData("/Team@Images/")]
    public void A_parameter_prefix_that_makes_no_valid_rule_name_is_refused(string prefix)
    {
        var refused = Assert.Throws<ArgumentException>(() => Read(new() { ["createWorkteam"] = "true", ["parameterPrefix"] = prefix }));

        Assert.Contains("EventBridge rule names", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_published_bootstrap_the_synth_stops_and_says_how_to_publish_it()
    {
        var empty = Directory.CreateTempSubdirectory("ci-no-bootstrap-").FullName;
        try
        {
            var refused = Assert.Throws<ArgumentException>(() => Read(new() { ["createWorkteam"] = "true", ["bootstrapFolder"] = empty }));

            Assert.Contains($"No Lambda bootstrap in {empty}", refused.Message, StringComparison.Ordinal);
            Assert.Contains("dotnet publish lambdas/Host -c Release -r linux-x64 -o lambdas/Host/bin/aot", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    [Fact]
    public void The_bootstrap_defaults_to_the_documented_publish_folder()
    {
        var expected = Path.Combine(StackSettings.FindRepositoryRoot(), "lambdas", "Host", "bin", "aot");
        string named;
        try
        {
            named = StackSettings.FromContext(new App(new AppProps { Context = new Dictionary<string, object> { ["createWorkteam"] = "true" } }).Node).BootstrapFolder;
        }
        catch (ArgumentException unpublished)
        {
            // Not published on this machine: the refusal names the folder it looked in.
            named = unpublished.Message;
        }

        Assert.Contains(expected, named, StringComparison.Ordinal);
    }

    // A stand-in bootstrap unless the test names another folder.
    private static StackSettings Read(Dictionary<string, object> context)
    {
        var values = context.Where(c => c.Value is not null).ToDictionary(c => c.Key, c => c.Value);
        values.TryAdd("bootstrapFolder", Bootstrap.Value);
        return StackSettings.FromContext(new App(new AppProps { Context = values }).Node);
    }

    private static readonly Lazy<string> Bootstrap = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("ci-settings-bootstrap-").FullName;
        File.WriteAllText(Path.Combine(folder, "bootstrap"), "stand-in");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        return folder;
    });
}
