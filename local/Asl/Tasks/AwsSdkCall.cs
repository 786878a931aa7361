using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Tasks;

/// <summary>
/// One AWS SDK action run locally: the request as the state passes it (PascalCase members, e.g.
/// <c>{"Name":"/app/x"}</c>) in, the API's response out. A service error is thrown as <see cref="AwsSdkException"/>.
/// </summary>
public delegate ValueTask<JsonValue> AwsSdkCall(JsonObject request, CancellationToken cancellationToken);
