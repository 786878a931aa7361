using ContinuousImprovement.Host.Observability;

namespace ContinuousImprovement.Host.Runtime;

/// <summary>
/// The custom runtime: picks the handler named by <c>_HANDLER</c> (init error when there is none), then
/// loops on <c>invocation/next</c> → handler → <c>response</c> or <c>error</c>, one invocation at a time,
/// until the Runtime API fails or <c>stop</c> is cancelled. A handler's failure or timeout is reported and
/// the loop goes on; only a broken Runtime API ends the process.
/// </summary>
public sealed class LambdaHost
{
    private static readonly TimeSpan MaxBudget = TimeSpan.FromDays(1);

    private readonly RuntimeHandlers catalog;
    private readonly HostSettings settings;
    private readonly LambdaHostOptions options;
    private readonly LogSink sink;
    private readonly LambdaLogger log;

    public LambdaHost(RuntimeHandlers catalog, HostSettings settings, LambdaHostOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(settings);
        this.catalog = catalog;
        this.settings = settings;
        this.options = options ?? new LambdaHostOptions();
        sink = this.options.Sink ?? LogSink.ForConsole();
        log = new LambdaLogger(sink, settings.LogLevel, this.options.Time);
    }

    /// <returns>The process exit code: 0 when stopped, 1 after an init error or a failing Runtime API.</returns>
    public async Task<int> RunAsync(CancellationToken stop)
    {
        if (settings.UnreadLogLevel is { } unread)
        {
            log.Warn("AWS_LAMBDA_LOG_LEVEL names no log level; logging at INFO.", ("value", unread));
        }

        if (settings.RuntimeApi is null)
        {
            log.Fatal("AWS_LAMBDA_RUNTIME_API is not set: this executable is a Lambda custom runtime and needs the Runtime API.");
            return 1;
        }

        var http = options.Http ?? RuntimeApiClient.CreateHttpClient();
        try
        {
            var client = new RuntimeApiClient(http, settings.RuntimeApi);
            var handler = await InitializeAsync(client, stop).ConfigureAwait(false);
            return handler is null ? 1 : await ServeAsync(client, settings.HandlerName!, handler, stop).ConfigureAwait(false);
        }
        finally
        {
            if (options.Http is null)
            {
                http.Dispose();
            }
        }
    }

    private async Task<LambdaHandler?> InitializeAsync(RuntimeApiClient client, CancellationToken stop)
    {
        var name = settings.HandlerName;
        ErrorReport error;
        Exception? exception = null;
        var known = string.Join(", ", catalog.Names);
        if (name is null)
        {
            error = new ErrorReport(RuntimeErrorTypes.HandlerNotFound, $"_HANDLER is not set; this bootstrap serves: {known}.", []);
        }
        else
        {
            try
            {
                if (catalog.TryCreate(name, out var handler))
                {
                    return handler;
                }

                error = new ErrorReport(RuntimeErrorTypes.HandlerNotFound, $"No handler named '{name}' (from _HANDLER); this bootstrap serves: {known}.", []);
            }
#pragma warning disable CA1031 // Whatever a handler's initialization throws must reach Lambda as an init error.
            catch (Exception e)
#pragma warning restore CA1031
            {
                exception = e;
                error = ErrorReport.From(e);
            }
        }

        log.Fatal($"Initialization failed: {error.ErrorMessage}", exception, ("errorType", error.ErrorType), ("handler", name));
        try
        {
            await client.SendInitErrorAsync(error, stop).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or RuntimeApiException)
        {
            log.Error("The init error could not be reported to the Runtime API.", e);
        }

        return null;
    }

    private async Task<int> ServeAsync(RuntimeApiClient client, string handlerName, LambdaHandler handler, CancellationToken stop)
    {
        while (true)
        {
            Invocation invocation;
            try
            {
                invocation = await client.NextAsync(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return 0;
            }
            catch (Exception e) when (e is HttpRequestException or RuntimeApiException)
            {
                log.Fatal("The Runtime API did not hand out the next invocation; exiting.", e);
                return 1;
            }

            if (!await InvokeAsync(client, handlerName, handler, invocation).ConfigureAwait(false))
            {
                return 1;
            }
        }
    }

    /// <returns>False when the Runtime API failed so that the process should exit.</returns>
    /// <remarks>
    /// The result is posted whatever <c>stop</c> says: an invocation that was started is finished, and
    /// <c>stop</c> is honoured while waiting for the next one.
    /// </remarks>
    private async Task<bool> InvokeAsync(RuntimeApiClient client, string handlerName, LambdaHandler handler, Invocation invocation)
    {
        var none = CancellationToken.None;
        var logger = log.ForRequest(invocation.RequestId);
        var metrics = new Metrics(sink, options.Time, logger, settings.MetricsNamespace, handlerName);
        var context = new LambdaContext(invocation, settings, handlerName, logger, metrics, options.Time);
        if (options.SetTraceEnvironmentVariable)
        {
            Environment.SetEnvironmentVariable(RuntimeHeaders.TraceEnvironmentVariable, invocation.TraceId);
        }

        var started = options.Time.GetTimestamp();
        var outcome = await RunHandlerAsync(handler, invocation, context).ConfigureAwait(false);

        // Before the answer: once Lambda has it, the sandbox may be frozen before a later write gets out.
        metrics.Flush();
        try
        {
            if (outcome.Error is null)
            {
                logger.Debug("Invocation succeeded.", ("durationMs", options.Time.GetElapsedTime(started).TotalMilliseconds), ("responseBytes", outcome.Response.Length));
                await client.SendResponseAsync(invocation.RequestId, outcome.Response, none).ConfigureAwait(false);
            }
            else
            {
                logger.Error($"Invocation failed: {outcome.Error.ErrorMessage}", outcome.Exception, ("errorType", outcome.Error.ErrorType), ("durationMs", options.Time.GetElapsedTime(started).TotalMilliseconds));
                await client.SendErrorAsync(invocation.RequestId, outcome.Error, none).ConfigureAwait(false);
            }

            return true;
        }
        catch (RuntimeApiException e) when (!e.IsFatal && outcome.Error is null)
        {
            logger.Error("The Runtime API refused the response; reporting it as the invocation's error.", e);
            return await ReportRefusedResponseAsync(client, invocation, e).ConfigureAwait(false);
        }
        catch (RuntimeApiException e) when (!e.IsFatal)
        {
            logger.Error("The Runtime API refused the error report.", e);
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or RuntimeApiException)
        {
            logger.Fatal("The Runtime API failed while taking the invocation's result; exiting.", e);
            return false;
        }
    }

    private async Task<bool> ReportRefusedResponseAsync(RuntimeApiClient client, Invocation invocation, RuntimeApiException refusal)
    {
        try
        {
            await client.SendErrorAsync(invocation.RequestId, new ErrorReport(RuntimeErrorTypes.ResponseRejected, refusal.Message, []), CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (RuntimeApiException e) when (!e.IsFatal)
        {
            log.ForRequest(invocation.RequestId).Error("The Runtime API refused the error report too.", e);
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or RuntimeApiException)
        {
            log.Fatal("The Runtime API failed while taking the invocation's error; exiting.", e);
            return false;
        }
    }

    private async Task<Outcome> RunHandlerAsync(LambdaHandler handler, Invocation invocation, LambdaContext context)
    {
        var time = options.Time;
        var budget = invocation.Deadline == DateTimeOffset.MaxValue ? Timeout.InfiniteTimeSpan : Max(invocation.Deadline - time.GetUtcNow(), TimeSpan.Zero);

        // Lambda allows 15 minutes at most; a deadline days away is a broken header, and timers refuse ~49 days.
        if (budget > MaxBudget)
        {
            budget = Timeout.InfiniteTimeSpan;
        }

        using var deadline = budget == Timeout.InfiniteTimeSpan
            ? new CancellationTokenSource()
            : new CancellationTokenSource(Max(budget - options.CancelBeforeDeadline, TimeSpan.Zero), time);
        Task<ReadOnlyMemory<byte>> running;
        try
        {
            var pending = handler(invocation.Payload, context, deadline.Token);
            if (pending.IsCompletedSuccessfully)
            {
                return new Outcome(pending.Result, null, null);
            }

            running = pending.AsTask();
        }
#pragma warning disable CA1031 // A handler's exception is the invocation's error, whatever its type.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Failed(e, deadline, context, budget);
        }

        if (budget != Timeout.InfiniteTimeSpan && !running.IsCompleted)
        {
            using var stopTimer = new CancellationTokenSource();
            var first = await Task.WhenAny(running, Task.Delay(budget, time, stopTimer.Token)).ConfigureAwait(false);
            await stopTimer.CancelAsync().ConfigureAwait(false);
            if (first != running)
            {
                // Lambda would end the sandbox here; locally the handler is left running and its fate ignored.
                _ = running.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                var message = $"Handler '{context.HandlerName}' was still running at the deadline ({budget.TotalMilliseconds:0} ms) although its cancellation token was cancelled {options.CancelBeforeDeadline.TotalMilliseconds:0} ms before it.";
                return new Outcome(default, new ErrorReport(RuntimeErrorTypes.Timeout, message, []), null);
            }
        }

        try
        {
            return new Outcome(await running.ConfigureAwait(false), null, null);
        }
#pragma warning disable CA1031 // A handler's exception is the invocation's error, whatever its type.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Failed(e, deadline, context, budget);
        }
    }

    private Outcome Failed(Exception exception, CancellationTokenSource deadline, LambdaContext context, TimeSpan budget)
    {
        if (exception is OperationCanceledException && deadline.IsCancellationRequested)
        {
            var message = $"Handler '{context.HandlerName}' did not finish within the invocation's {budget.TotalMilliseconds:0} ms: its cancellation token was cancelled {options.CancelBeforeDeadline.TotalMilliseconds:0} ms before the deadline.";
            return new Outcome(default, ErrorReport.From(exception) with { ErrorType = RuntimeErrorTypes.Timeout, ErrorMessage = message }, exception);
        }

        return new Outcome(default, ErrorReport.From(exception), exception);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed record Outcome(ReadOnlyMemory<byte> Response, ErrorReport? Error, Exception? Exception);
}
