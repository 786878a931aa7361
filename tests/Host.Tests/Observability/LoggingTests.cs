using System.Globalization;
using System.Text.RegularExpressions;
using ContinuousImprovement.Host.Observability;

namespace ContinuousImprovement.Host.Tests.Observability;

public sealed partial class LoggingTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_handlers_log_line_is_JSON_with_timestamp_level_message_and_the_request_id()
    {
        await using var host = await InProcessHost.StartAsync("context");

        var result = await host.Api.InvokeAsync("[1,2,3]"u8.ToArray()).WaitAsync(Patience);

        var line = Assert.Single(host.Output.JsonLines, l => l.TryGetProperty("message", out var m) && m.GetString() == "Context requested.");
        Assert.Equal("INFO", line.GetProperty("level").GetString());
        Assert.Equal(result.RequestId, line.GetProperty("requestId").GetString());
        Assert.Equal(7, line.GetProperty("eventBytes").GetInt32());
        Assert.Matches(IsoTimestamp(), line.GetProperty("timestamp").GetString());
    }

    [Fact]
    public async Task An_AWS_LAMBDA_LOG_LEVEL_that_names_no_level_is_reported_as_a_warning_and_INFO_is_used()
    {
        await using var host = await InProcessHost.StartAsync("echo", environment: new Dictionary<string, string> { ["AWS_LAMBDA_LOG_LEVEL"] = "LOUD" });
        await host.Api.InvokeAsync("{}"u8.ToArray()).WaitAsync(Patience);

        var warning = Assert.Single(host.Errors.JsonLines);
        Assert.Equal("WARN", warning.GetProperty("level").GetString());
        Assert.Equal("LOUD", warning.GetProperty("value").GetString());
        Assert.DoesNotContain(host.Output.JsonLines, l => l.TryGetProperty("level", out var level) && level.GetString() == "DEBUG");
    }

    [Fact]
    public void A_log_line_carries_properties_of_several_kinds_and_an_exception()
    {
        var (logger, output, errors) = Logger(LogLevel.Info, "req-1");
        InvalidOperationException thrown;
        try
        {
            throw new InvalidOperationException("no model serves");
        }
        catch (InvalidOperationException e)
        {
            thrown = e;
        }

        logger.Error("Detection failed", thrown, ("bucket", "uploads"), ("attempt", 3), ("confidence", 0.25), ("retry", false), ("note", null));

        Assert.Empty(output.Lines);
        var line = Assert.Single(errors.JsonLines);
        Assert.Equal("2026-11-24T10:15:02.113Z", line.GetProperty("timestamp").GetString());
        Assert.Equal("ERROR", line.GetProperty("level").GetString());
        Assert.Equal("req-1", line.GetProperty("requestId").GetString());
        Assert.Equal("uploads", line.GetProperty("bucket").GetString());
        Assert.Equal(3, line.GetProperty("attempt").GetInt32());
        Assert.Equal(0.25, line.GetProperty("confidence").GetDouble());
        Assert.False(line.GetProperty("retry").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, line.GetProperty("note").ValueKind);
        Assert.Equal("InvalidOperationException", line.GetProperty("errorType").GetString());
        Assert.Equal("no model serves", line.GetProperty("errorMessage").GetString());
        Assert.True(line.GetProperty("stackTrace").GetArrayLength() > 1);
    }

    [Fact]
    public void An_error_type_the_caller_names_is_kept_and_the_exception_type_goes_beside_it_with_no_key_twice()
    {
        var (logger, _, errors) = Logger(LogLevel.Info, "req-2");

        logger.Error("Invocation failed", new InvalidOperationException("lease held"), ("errorType", "Port.Throttled"));

        var line = Assert.Single(errors.JsonLines);
        var names = line.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(names.Distinct().Count(), names.Count);
        Assert.Equal("Port.Throttled", line.GetProperty("errorType").GetString());
        Assert.Equal("InvalidOperationException", line.GetProperty("exceptionType").GetString());
        Assert.Equal("lease held", line.GetProperty("errorMessage").GetString());
    }

    [Theory]
    [InlineData(LogLevel.Trace, 6)]
    [InlineData(LogLevel.Debug, 5)]
    [InlineData(LogLevel.Info, 4)]
    [InlineData(LogLevel.Warn, 3)]
    [InlineData(LogLevel.Error, 2)]
    [InlineData(LogLevel.Fatal, 1)]
    public void Lines_below_the_minimum_level_are_not_written(LogLevel minimum, int written)
    {
        var (logger, output, errors) = Logger(minimum, null);

        logger.Trace("t");
        logger.Debug("d");
        logger.Info("i");
        logger.Warn("w");
        logger.Error("e");
        logger.Fatal("f");

        Assert.Equal(written, output.Lines.Count + errors.Lines.Count);
    }

    [Fact]
    public void Warnings_and_worse_go_to_stderr_and_the_rest_to_stdout()
    {
        var (logger, output, errors) = Logger(LogLevel.Trace, null);

        logger.Info("to stdout");
        logger.Warn("to stderr");

        Assert.Equal("to stdout", Assert.Single(output.JsonLines).GetProperty("message").GetString());
        Assert.Equal("to stderr", Assert.Single(errors.JsonLines).GetProperty("message").GetString());
    }

    [Fact]
    public void Non_ASCII_text_stays_readable_in_the_line()
    {
        var (logger, output, _) = Logger(LogLevel.Info, null);

        logger.Info("Étiquette <chat> & 猫");

        Assert.Contains("\"message\":\"Étiquette <chat> & 猫\"", Assert.Single(output.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lines_written_from_many_threads_never_interleave()
    {
        var (logger, output, _) = Logger(LogLevel.Info, null);

        await Parallel.ForAsync(0, 400, (i, _) =>
        {
            logger.Info(new string('x', 500), ("i", i));
            return ValueTask.CompletedTask;
        });

        Assert.Equal(400, output.JsonLines.Count);
        Assert.Equal(Enumerable.Range(0, 400), output.JsonLines.Select(l => l.GetProperty("i").GetInt32()).Order());
    }

    [Theory]
    [InlineData("TRACE", LogLevel.Trace)]
    [InlineData("debug", LogLevel.Debug)]
    [InlineData(" Info ", LogLevel.Info)]
    [InlineData("WARN", LogLevel.Warn)]
    [InlineData("ERROR", LogLevel.Error)]
    [InlineData("FATAL", LogLevel.Fatal)]
    public void AWS_LAMBDA_LOG_LEVEL_values_are_read_case_insensitively(string text, LogLevel expected)
    {
        Assert.True(LogLevels.TryParse(text, out var level));
        Assert.Equal(expected, level);
    }

    internal static (LambdaLogger Logger, LineCapture Output, LineCapture Errors) Logger(LogLevel minimum, string? requestId)
    {
        var output = new LineCapture();
        var errors = new LineCapture();
        var time = new FixedTime(DateTimeOffset.Parse("2026-11-24T10:15:02.1134567Z", CultureInfo.InvariantCulture));
        return (new LambdaLogger(new LogSink(output, errors), minimum, time, requestId), output, errors);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    private static partial Regex IsoTimestamp();
}
