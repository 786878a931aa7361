using System.Text.Json;

namespace ContinuousImprovement.Host.Observability;

/// <summary>
/// Metrics a handler records during one invocation, written when it ends as one CloudWatch Embedded Metric
/// Format line on stdout (CloudWatch Logs turns it into metrics; no API call, no extra latency).
/// Every metric carries the dimension <c>Handler</c> (the <c>_HANDLER</c> name, stable across deployments,
/// unlike the function name) plus any set with <see cref="SetDimension"/>.
/// </summary>
/// <example>
/// <c>metrics.Add("ImagesFiled", 1)</c> in handler <c>file</c> writes
/// <c>{"_aws":{"Timestamp":1795000000000,"CloudWatchMetrics":[{"Namespace":"ContinuousImprovement","Dimensions":[["Handler"]],"Metrics":[{"Name":"ImagesFiled","Unit":"Count"}]}]},"Handler":"file","requestId":"8f…","ImagesFiled":1}</c>;
/// a metric added three times writes its values as an array, which CloudWatch counts as three samples.
/// </example>
/// <remarks>Safe to call from parallel work inside one invocation.</remarks>
public sealed class Metrics
{
    /// <summary>EMF limits: 100 metrics per document, 100 values per metric, 30 dimensions.</summary>
    public const int MaxMetrics = 100;

    public const int MaxValuesPerMetric = 100;

    public const int MaxDimensions = 30;

    private const int MaxNameLength = 255;

    private readonly LogSink sink;
    private readonly TimeProvider time;
    private readonly LambdaLogger logger;
    private readonly string metricNamespace;
    private readonly List<(string Name, string Value)> dimensions = [];
    private readonly List<(string Name, string Value)> properties = [];
    private readonly List<Metric> metrics = [];
    private readonly Lock gate = new();

    public Metrics(LogSink sink, TimeProvider time, LambdaLogger logger, string metricNamespace, string handlerName)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentException.ThrowIfNullOrWhiteSpace(metricNamespace);
        ArgumentException.ThrowIfNullOrWhiteSpace(handlerName);
        this.sink = sink;
        this.time = time;
        this.logger = logger;
        this.metricNamespace = metricNamespace;
        dimensions.Add(("Handler", handlerName));
        if (logger.RequestId is { } requestId)
        {
            properties.Add(("requestId", requestId));
        }
    }

    /// <summary>Metrics recorded and not yet written.</summary>
    public int Pending => metrics.Count;

    /// <summary>
    /// Records one sample. A value that is not finite (NaN, ∞) cannot be stored by CloudWatch: it is dropped
    /// with a warning rather than failing the invocation.
    /// </summary>
    /// <exception cref="ArgumentException">The name is empty, too long, used as a dimension, or reused with another unit.</exception>
    public void Add(string name, double value, MetricUnit unit = MetricUnit.Count)
    {
        lock (gate)
        {
            AddLocked(name, value, unit);
        }
    }

    private void AddLocked(string name, double value, MetricUnit unit)
    {
        CheckName(name);
        if (!double.IsFinite(value))
        {
            logger.Warn("Metric value dropped: CloudWatch accepts finite numbers only.", ("metric", name), ("value", value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return;
        }

        if (dimensions.Exists(d => d.Name == name) || properties.Exists(p => p.Name == name))
        {
            throw new ArgumentException($"'{name}' is already a dimension or property of these metrics.", nameof(name));
        }

        var metric = metrics.Find(m => m.Name == name);
        if (metric is null)
        {
            if (metrics.Count == MaxMetrics)
            {
                FlushLocked();
            }

            metrics.Add(new Metric(name, unit, [value]));
            return;
        }

        if (metric.Unit != unit)
        {
            throw new ArgumentException($"Metric '{name}' was recorded in {metric.Unit}, not {unit}.", nameof(unit));
        }

        if (metric.Values.Count == MaxValuesPerMetric)
        {
            FlushLocked();
            metrics.Add(new Metric(name, unit, [value]));
            return;
        }

        metric.Values.Add(value);
    }

    /// <summary>Adds a dimension to every metric of this invocation (replacing one of the same name).</summary>
    public void SetDimension(string name, string value)
    {
        lock (gate)
        {
            SetDimensionLocked(name, value);
        }
    }

    private void SetDimensionLocked(string name, string value)
    {
        CheckName(name);
        ArgumentNullException.ThrowIfNull(value);
        if (metrics.Exists(m => m.Name == name))
        {
            throw new ArgumentException($"'{name}' is already a metric.", nameof(name));
        }

        var index = dimensions.FindIndex(d => d.Name == name);
        if (index >= 0)
        {
            dimensions[index] = (name, value);
            return;
        }

        if (dimensions.Count == MaxDimensions)
        {
            throw new InvalidOperationException($"EMF allows at most {MaxDimensions} dimensions.");
        }

        dimensions.Add((name, value));
    }

    /// <summary>A searchable value on the log line that is not a metric or dimension (an image key, a model ARN).</summary>
    public void SetProperty(string name, string value)
    {
        lock (gate)
        {
            SetPropertyLocked(name, value);
        }
    }

    private void SetPropertyLocked(string name, string value)
    {
        CheckName(name);
        ArgumentNullException.ThrowIfNull(value);
        if (metrics.Exists(m => m.Name == name) || dimensions.Exists(d => d.Name == name))
        {
            throw new ArgumentException($"'{name}' is already a metric or dimension.", nameof(name));
        }

        properties.RemoveAll(p => p.Name == name);
        properties.Add((name, value));
    }

    /// <summary>Writes the pending metrics as one EMF line; nothing when none are pending.</summary>
    public void Flush()
    {
        lock (gate)
        {
            FlushLocked();
        }
    }

    private void FlushLocked()
    {
        if (metrics.Count == 0)
        {
            return;
        }

        var document = new EmfDocument(time.GetUtcNow().ToUnixTimeMilliseconds(), metricNamespace, [.. dimensions], [.. properties], [.. metrics]);
        metrics.Clear();
        sink.WriteLine(false, document, static (writer, document) => document.Write(writer));
    }

    private static void CheckName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length > MaxNameLength || name == "_aws")
        {
            throw new ArgumentException($"'{name}' cannot name a metric, dimension or property (1-{MaxNameLength} characters, not _aws).", nameof(name));
        }
    }

    private static string UnitName(MetricUnit unit) => unit switch
    {
        MetricUnit.None => "None",
        MetricUnit.Count => "Count",
        MetricUnit.Percent => "Percent",
        MetricUnit.Seconds => "Seconds",
        MetricUnit.Milliseconds => "Milliseconds",
        MetricUnit.Microseconds => "Microseconds",
        MetricUnit.Bytes => "Bytes",
        MetricUnit.Kilobytes => "Kilobytes",
        MetricUnit.Megabytes => "Megabytes",
        MetricUnit.CountPerSecond => "Count/Second",
        MetricUnit.BytesPerSecond => "Bytes/Second",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Not a CloudWatch unit."),
    };

    private sealed record Metric(string Name, MetricUnit Unit, List<double> Values);

    private sealed record EmfDocument(long Timestamp, string Namespace, (string Name, string Value)[] Dimensions, (string Name, string Value)[] Properties, Metric[] Metrics)
    {
        public void Write(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteStartObject(EmfFields.Aws);
            writer.WriteNumber(EmfFields.Timestamp, Timestamp);
            writer.WriteStartArray(EmfFields.CloudWatchMetrics);
            writer.WriteStartObject();
            writer.WriteString(EmfFields.Namespace, Namespace);
            writer.WriteStartArray(EmfFields.Dimensions);
            writer.WriteStartArray();
            foreach (var (name, _) in Dimensions)
            {
                writer.WriteStringValue(name);
            }

            writer.WriteEndArray();
            writer.WriteEndArray();
            writer.WriteStartArray(EmfFields.Metrics);
            foreach (var metric in Metrics)
            {
                writer.WriteStartObject();
                writer.WriteString(EmfFields.Name, metric.Name);
                writer.WriteString(EmfFields.Unit, UnitName(metric.Unit));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            foreach (var (name, value) in Dimensions)
            {
                writer.WriteString(name, value);
            }

            foreach (var (name, value) in Properties)
            {
                writer.WriteString(name, value);
            }

            foreach (var metric in Metrics)
            {
                if (metric.Values.Count == 1)
                {
                    writer.WriteNumber(metric.Name, metric.Values[0]);
                    continue;
                }

                writer.WriteStartArray(metric.Name);
                foreach (var value in metric.Values)
                {
                    writer.WriteNumberValue(value);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }
    }
}
