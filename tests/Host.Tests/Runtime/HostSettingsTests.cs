using ContinuousImprovement.Host.Observability;
using ContinuousImprovement.Host.Runtime;

namespace ContinuousImprovement.Host.Tests.Runtime;

public sealed class HostSettingsTests
{
    [Fact]
    public void Settings_are_read_from_the_variables_Lambda_sets()
    {
        var variables = new Dictionary<string, string>
        {
            ["AWS_LAMBDA_RUNTIME_API"] = "127.0.0.1:9001",
            ["_HANDLER"] = "echo",
            ["AWS_LAMBDA_LOG_LEVEL"] = "debug",
            ["AWS_LAMBDA_FUNCTION_NAME"] = "ci-detect",
            ["AWS_LAMBDA_FUNCTION_VERSION"] = "7",
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "512",
            ["METRICS_NAMESPACE"] = "CI/Test",
        };

        var settings = HostSettings.From(variables.GetValueOrDefault);

        Assert.Equal(new HostSettings("127.0.0.1:9001", "echo", LogLevel.Debug, null, "ci-detect", "7", 512, "CI/Test"), settings);
    }

    [Fact]
    public void Unset_variables_fall_back_to_INFO_and_the_project_namespace()
    {
        var settings = HostSettings.From(_ => null);

        Assert.Equal(new HostSettings(null, null, LogLevel.Info, null, "local", "$LATEST", 0, "ContinuousImprovement"), settings);
    }

    [Fact]
    public void A_log_level_that_names_no_level_is_kept_to_be_reported_and_INFO_is_used()
    {
        var settings = HostSettings.From(name => name == "AWS_LAMBDA_LOG_LEVEL" ? "LOUD" : null);

        Assert.Equal(LogLevel.Info, settings.LogLevel);
        Assert.Equal("LOUD", settings.UnreadLogLevel);
    }
}
