namespace ContinuousImprovement.Host.Runtime;

/// <summary>
/// One function's code: the raw event bytes in, the response bytes out. The host never parses the event, so a
/// handler decides what it accepts (see <see cref="EventJson"/> for JSON). The token is cancelled shortly
/// before the invocation's deadline (<see cref="LambdaHostOptions.CancelBeforeDeadline"/>).
/// </summary>
public delegate ValueTask<ReadOnlyMemory<byte>> LambdaHandler(ReadOnlyMemory<byte> payload, LambdaContext context, CancellationToken cancellationToken);
