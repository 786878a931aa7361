using System.Buffers;
using System.Text.Json;
using ContinuousImprovement.Host.Observability;
using ContinuousImprovement.Host.Runtime;

namespace ContinuousImprovement.Host.Diagnostics;

/// <summary>
/// Handlers that exercise the host itself: deployed under these names they prove a sandbox works (tests and
/// the benchmark use them too). None touches AWS.
/// </summary>
public static class DiagnosticHandlers
{
    public const string EchoName = "echo";
    public const string FailName = "fail";
    public const string WaitName = "wait";
    public const string ContextName = "context";

    /// <summary>Answers with the event's bytes, whatever they are, and records their size as a metric.</summary>
    public static ValueTask<ReadOnlyMemory<byte>> Echo(ReadOnlyMemory<byte> payload, LambdaContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Metrics.Add("EventBytes", payload.Length, MetricUnit.Bytes);
        return ValueTask.FromResult(payload);
    }

    /// <summary>Always throws, so the error path (body shape, header) can be seen end to end.</summary>
    public static ValueTask<ReadOnlyMemory<byte>> Fail(ReadOnlyMemory<byte> payload, LambdaContext context, CancellationToken cancellationToken) =>
        throw new DiagnosticFailureException($"The '{FailName}' handler always fails (the event had {payload.Length} bytes).");

    /// <summary>
    /// Expects <c>{"milliseconds": n}</c> and waits that long, honouring the deadline token unless
    /// <c>"ignoreCancellation": true</c>; answers <c>{"waitedMs": n}</c>. Shows how a JSON handler fails on a
    /// malformed event and how a timeout is reported.
    /// </summary>
    public static async ValueTask<ReadOnlyMemory<byte>> Wait(ReadOnlyMemory<byte> payload, LambdaContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        int milliseconds;
        bool ignoreCancellation;
        using (var document = EventJson.Parse(payload, WaitName))
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("milliseconds", out var ms)
                || !ms.TryGetInt32(out milliseconds)
                || milliseconds < 0)
            {
                throw new InvalidEventException($"Handler '{WaitName}' expects {{\"milliseconds\": <whole number ≥ 0>}}, got '{EventJson.Quote(payload.Span)}'.");
            }

            ignoreCancellation = root.TryGetProperty("ignoreCancellation", out var ignore) && ignore.ValueKind == JsonValueKind.True;
        }

        await Task.Delay(milliseconds, ignoreCancellation ? CancellationToken.None : cancellationToken).ConfigureAwait(false);
        return Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("waitedMs", milliseconds);
            writer.WriteEndObject();
        });
    }

    /// <summary>Answers with what the host told the handler: request id, ARN, trace (header and environment), time left.</summary>
    public static ValueTask<ReadOnlyMemory<byte>> Context(ReadOnlyMemory<byte> payload, LambdaContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Logger.Info("Context requested.", ("eventBytes", payload.Length));
        return ValueTask.FromResult(Json(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("requestId", context.RequestId);
            writer.WriteString("invokedFunctionArn", context.InvokedFunctionArn);
            writer.WriteString("traceId", context.TraceId);
            writer.WriteString("traceEnvironment", Environment.GetEnvironmentVariable(RuntimeHeaders.TraceEnvironmentVariable));
            writer.WriteString("handler", context.HandlerName);
            writer.WriteString("functionName", context.FunctionName);
            writer.WriteNumber("deadlineMs", context.Deadline == DateTimeOffset.MaxValue ? -1 : context.Deadline.ToUnixTimeMilliseconds());
            writer.WriteNumber("remainingMs", (long)context.RemainingTime.TotalMilliseconds);
            writer.WriteBoolean("tokenCanBeCancelled", cancellationToken.CanBeCanceled);
            writer.WriteEndObject();
        }));
    }

    private static ReadOnlyMemory<byte> Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenMemory;
    }
}
