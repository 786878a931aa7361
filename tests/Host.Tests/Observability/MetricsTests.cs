using System.Globalization;
using System.Text.Json;
using ContinuousImprovement.Host.Observability;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ContinuousImprovement.Host.Tests.Observability;

public sealed class MetricsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-24T10:15:02.113Z", CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_invocation_writes_its_metrics_as_one_EMF_line_with_the_handler_dimension()
    {
        await using var host = await InProcessHost.StartAsync("echo");

        var result = await host.Api.InvokeAsync("{\"a\":1}"u8.ToArray()).WaitAsync(Patience);

        var emf = Assert.Single(host.Output.JsonLines, l => l.TryGetProperty("_aws", out _));
        var directive = Assert.Single(emf.GetProperty("_aws").GetProperty("CloudWatchMetrics").EnumerateArray());
        Assert.Equal("ContinuousImprovement", directive.GetProperty("Namespace").GetString());
        Assert.Equal("""[["Handler"]]""", directive.GetProperty("Dimensions").GetRawText());
        Assert.Equal("""[{"Name":"EventBytes","Unit":"Bytes"}]""", directive.GetProperty("Metrics").GetRawText());
        Assert.Equal("echo", emf.GetProperty("Handler").GetString());
        Assert.Equal(result.RequestId, emf.GetProperty("requestId").GetString());
        Assert.Equal(7, emf.GetProperty("EventBytes").GetInt32());
        Assert.InRange(emf.GetProperty("_aws").GetProperty("Timestamp").GetInt64(), DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task Metrics_of_a_failing_invocation_are_still_written()
    {
        var catalog = new Host.Runtime.RuntimeHandlers().Add("count-then-fail", (_, context, _) =>
        {
            context.Metrics.Add("Attempts", 1);
            throw new InvalidOperationException("after counting");
        });
        await using var host = await InProcessHost.StartAsync("count-then-fail", catalog);

        var result = await host.Api.InvokeAsync("{}"u8.ToArray()).WaitAsync(Patience);

        Assert.True(result.IsError);
        Assert.Equal(1, Assert.Single(host.Output.JsonLines, l => l.TryGetProperty("_aws", out _)).GetProperty("Attempts").GetInt32());
    }

    [Fact]
    public void The_EMF_document_has_the_documented_envelope_dimensions_properties_and_values()
    {
        var (metrics, output) = Recorder();
        metrics.SetDimension("Workflow", "detection");
        metrics.SetProperty("imageKey", "uploads/cat.jpg");
        metrics.Add("Latency", 12.5, MetricUnit.Milliseconds);
        metrics.Add("Images", 2);

        metrics.Flush();

        Assert.Equal(
            """{"_aws":{"Timestamp":1795515302113,"CloudWatchMetrics":[{"Namespace":"CI/Test","Dimensions":[["Handler","Workflow"]],"Metrics":[{"Name":"Latency","Unit":"Milliseconds"},{"Name":"Images","Unit":"Count"}]}]},"Handler":"detect","Workflow":"detection","requestId":"req-9","imageKey":"uploads/cat.jpg","Latency":12.5,"Images":2}""",
            Assert.Single(output.Lines));
    }

    [Fact]
    public void A_metric_recorded_several_times_is_written_as_an_array_of_samples()
    {
        var (metrics, output) = Recorder();

        metrics.Add("Confidence", 91.5, MetricUnit.Percent);
        metrics.Add("Confidence", 40, MetricUnit.Percent);
        metrics.Add("Confidence", 77, MetricUnit.Percent);
        metrics.Flush();

        var line = JsonDocument.Parse(Assert.Single(output.Lines)).RootElement;
        Assert.Equal("[91.5,40,77]", line.GetProperty("Confidence").GetRawText());
    }

    [Fact]
    public void Nothing_is_written_when_no_metric_was_recorded()
    {
        var (metrics, output) = Recorder();
        metrics.SetDimension("Workflow", "detection");

        metrics.Flush();

        Assert.Empty(output.Lines);
    }

    [Property(MaxTest = 50)]
    public Property Every_sample_is_written_once_across_as_many_documents_as_the_EMF_limits_need(PositiveInt distinct, PositiveInt repeats)
    {
        var names = distinct.Get % 250 + 1;
        var samples = repeats.Get % 250 + 1;
        var (metrics, output) = Recorder();
        for (var s = 0; s < samples; s++)
        {
            for (var n = 0; n < names; n++)
            {
                metrics.Add($"M{n}", s);
            }
        }

        metrics.Flush();

        var documents = output.JsonLines;
        var written = documents.Sum(d => d.EnumerateObject().Where(p => p.Name.StartsWith('M')).Sum(p => p.Value.ValueKind == JsonValueKind.Array ? p.Value.GetArrayLength() : 1));
        var withinLimits = documents.All(d =>
            d.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Metrics").GetArrayLength() <= Metrics.MaxMetrics
            && d.EnumerateObject().All(p => p.Value.ValueKind != JsonValueKind.Array || p.Value.GetArrayLength() <= Metrics.MaxValuesPerMetric));
        return (written == names * samples && withinLimits).Label($"{names} metrics × {samples} samples → {written} written in {documents.Count} documents");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_value_CloudWatch_cannot_store_is_dropped_with_a_warning(double value)
    {
        var errors = new LineCapture();
        var output = new LineCapture();
        var sink = new LogSink(output, errors);
        var metrics = new Metrics(sink, new FixedTime(Now), new LambdaLogger(sink, LogLevel.Info, new FixedTime(Now)), "CI", "detect");

        metrics.Add("Score", value);
        metrics.Flush();

        Assert.Empty(output.Lines);
        Assert.Equal("Score", Assert.Single(errors.JsonLines).GetProperty("metric").GetString());
    }

    [Fact]
    public void A_metric_reused_with_another_unit_is_refused()
    {
        var (metrics, _) = Recorder();
        metrics.Add("Size", 10, MetricUnit.Bytes);

        var error = Assert.Throws<ArgumentException>(() => metrics.Add("Size", 1, MetricUnit.Kilobytes));

        Assert.StartsWith("Metric 'Size' was recorded in Bytes, not Kilobytes.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_cannot_be_both_a_dimension_and_a_metric()
    {
        var (metrics, _) = Recorder();

        Assert.Throws<ArgumentException>(() => metrics.Add("Handler", 1));
        Assert.Throws<ArgumentException>(() => metrics.Add("_aws", 1));
    }

    private static (Metrics Metrics, LineCapture Output) Recorder()
    {
        var output = new LineCapture();
        var sink = new LogSink(output, new LineCapture());
        var time = new FixedTime(Now);
        return (new Metrics(sink, time, new LambdaLogger(sink, LogLevel.Info, time, "req-9"), "CI/Test", "detect"), output);
    }
}
