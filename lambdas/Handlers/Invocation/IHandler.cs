namespace ContinuousImprovement.Handlers.Invocation;

/// <summary>
/// One workflow task: a typed request in, a typed result out. Failures are thrown as
/// <see cref="Core.Ports.PortException"/> (a port failed) or <see cref="HandlerException"/> (the request cannot be
/// served); <see cref="HandlerEntry"/> turns both into error names Step Functions can match.
/// </summary>
public interface IHandler<TRequest, TResult>
{
    ValueTask<TResult> HandleAsync(TRequest request, CancellationToken cancellationToken);
}
