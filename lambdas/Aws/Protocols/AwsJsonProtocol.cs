using System.Text.Json;
using ContinuousImprovement.Aws.Model;

namespace ContinuousImprovement.Aws.Protocols;

/// <summary>
/// awsJson1_0 / awsJson1_1: every call is POST / with X-Amz-Target "{targetPrefix}.{Operation}" and a JSON body;
/// timestamps default to epoch seconds.
/// </summary>
public sealed class AwsJsonProtocol(ServiceModel model, Func<string> newIdempotencyToken) : IAwsProtocol
{
    private readonly JsonShapeWriter _writer = new(model, Timestamps.UnixTimestamp);
    private readonly JsonShapeReader _reader = new(model);

    public AwsHttpRequest Serialize(OperationModel operation, JsonElement? input)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var shape = operation.InputShape is null ? null : model.Shape(operation.InputShape);
        var parameters = IdempotencyTokens.Fill(shape, input, newIdempotencyToken);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (shape is null || parameters is not { ValueKind: JsonValueKind.Object } p)
            {
                writer.WriteStartObject();
                writer.WriteEndObject();
            }
            else
            {
                _writer.WriteStructure(writer, shape, p, _ => true);
            }
        }
        var headers = new List<KeyValuePair<string, string>>
        {
            new("X-Amz-Target", $"{model.Metadata.TargetPrefix}.{operation.Name}"),
            new("Content-Type", $"application/x-amz-json-{model.Metadata.JsonVersion}"),
        };
        return new AwsHttpRequest("POST", "/", "", headers, buffer.ToArray());
    }

    public void ReadOutput(Utf8JsonWriter writer, OperationModel operation, AwsHttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(response);
        if (operation.OutputShape is null || response.Body.IsEmpty)
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
            return;
        }
        using var document = JsonDocument.Parse(response.Body);
        _reader.WriteStructure(writer, model.Shape(operation.OutputShape), document.RootElement, _ => true);
    }

    public AwsErrorDetails ReadError(AwsHttpResponse response) => JsonErrorReader.Read(response);
}
