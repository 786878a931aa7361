using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ContinuousImprovement.Core.Ports;

namespace ContinuousImprovement.Handlers.Invocation;

/// <summary>
/// A handler as its hosts call it: JSON bytes in, JSON bytes out. <see cref="Invoke"/> is the raw function
/// (failures thrown); <see cref="InvokeAsync"/> is what hosts call, with failures as values named the way
/// Step Functions matches them:
/// <list type="bullet">
/// <item>a <see cref="PortException"/> → <c>Port.&lt;Kind&gt;</c> (e.g. <c>Port.Throttled</c>) with its message as the cause;</item>
/// <item>a <see cref="HandlerException"/> (input that cannot be read included) → its name, e.g. <c>Handler.InvalidInput</c>.</item>
/// </list>
/// Any other exception is a defect and is left to the host, which reports it as Lambda does (the exception's
/// type name as the error). The Lambda host sends a failure as the invocation error's <c>errorType</c> and
/// <c>errorMessage</c>; the twin returns it to the engine as a task failure.
/// </summary>
public sealed record HandlerEntry(string Name, Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask<ReadOnlyMemory<byte>>> Invoke)
{
    /// <summary>Binds a typed handler to its JSON contract (source-generated type information, so it runs under Native AOT).</summary>
    public static HandlerEntry For<TRequest, TResult>(string name, IHandler<TRequest, TResult> handler, JsonTypeInfo<TRequest> request, JsonTypeInfo<TResult> result)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        return new HandlerEntry(name, async (input, cancellationToken) =>
        {
            var typed = Read(name, input, request);
            var output = await handler.HandleAsync(typed, cancellationToken).ConfigureAwait(false);
            return JsonSerializer.SerializeToUtf8Bytes(output, result);
        });
    }

    /// <summary>Runs the handler; port and handler failures come back as <see cref="HandlerResult.Error"/>.</summary>
    public async ValueTask<HandlerResult> InvokeAsync(ReadOnlyMemory<byte> input, CancellationToken cancellationToken)
    {
        try
        {
            return HandlerResult.Success(await Invoke(input, cancellationToken).ConfigureAwait(false));
        }
        catch (PortException e)
        {
            return HandlerResult.Failure(e.ErrorName, $"{Name}: {e.Message}");
        }
        catch (HandlerException e)
        {
            return HandlerResult.Failure(e.ErrorName, $"{Name}: {e.Message}");
        }
    }

    private static TRequest Read<TRequest>(string name, ReadOnlyMemory<byte> input, JsonTypeInfo<TRequest> request)
    {
        try
        {
            return JsonSerializer.Deserialize(input.Span, request)
                ?? throw new HandlerException(HandlerErrors.InvalidInput, $"{name} was given null; it reads a {typeof(TRequest).Name}.");
        }
        catch (JsonException e)
        {
            throw new HandlerException(HandlerErrors.InvalidInput, $"{name} cannot read its input as a {typeof(TRequest).Name}: {e.Message}", e);
        }
    }
}
