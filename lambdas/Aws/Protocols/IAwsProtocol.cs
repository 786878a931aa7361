using System.Text.Json;
using ContinuousImprovement.Aws.Model;

namespace ContinuousImprovement.Aws.Protocols;

/// <summary>One AWS wire protocol: turns parameters into a request and a response into canonical JSON or an error.</summary>
public interface IAwsProtocol
{
    /// <summary>Serializes <paramref name="input"/> (model member names; blobs base64; timestamps ISO 8601 or epoch seconds).</summary>
    AwsHttpRequest Serialize(OperationModel operation, JsonElement? input);

    /// <summary>Writes a successful response as JSON named by model member names, timestamps ISO 8601, blobs base64.</summary>
    void ReadOutput(Utf8JsonWriter writer, OperationModel operation, AwsHttpResponse response);

    /// <summary>Finds the error code, message and request id of a failed response; never throws for a malformed body.</summary>
    AwsErrorDetails ReadError(AwsHttpResponse response);
}
