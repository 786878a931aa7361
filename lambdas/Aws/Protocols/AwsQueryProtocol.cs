using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using ContinuousImprovement.Aws.Model;

namespace ContinuousImprovement.Aws.Protocols;

/// <summary>
/// awsQuery (SNS): POST / with a form body "Action={Operation}&amp;Version={apiVersion}&amp;..." and XML responses wrapped in
/// &lt;{Operation}Response&gt;&lt;{Operation}Result&gt;; errors as &lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;RequestId/&gt;.
/// </summary>
public sealed class AwsQueryProtocol(ServiceModel model, Func<string> newIdempotencyToken) : IAwsProtocol
{
    private readonly QueryParameterWriter _writer = new(model);
    private readonly XmlShapeReader _reader = new(model);

    public AwsHttpRequest Serialize(OperationModel operation, JsonElement? input)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var shape = operation.InputShape is null ? null : model.Shape(operation.InputShape);
        var parameters = IdempotencyTokens.Fill(shape, input, newIdempotencyToken);
        var pairs = new List<KeyValuePair<string, string>>
        {
            new("Action", operation.Name),
            new("Version", model.Metadata.ApiVersion),
        };
        if (shape is not null && parameters is { ValueKind: JsonValueKind.Object } p)
        {
            _writer.WriteStructure(pairs, shape, p, "");
        }
        var body = string.Join('&', pairs.Select(kv => $"{PercentEncoding.EncodeForm(kv.Key)}={PercentEncoding.EncodeForm(kv.Value)}"));
        var headers = new List<KeyValuePair<string, string>> { new("Content-Type", "application/x-www-form-urlencoded; charset=utf-8") };
        return new AwsHttpRequest("POST", "/", "", headers, Encoding.UTF8.GetBytes(body));
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
        var root = Parse(response.Body) ?? throw new FormatException("The XML response has no root element.");
        // The result sits in <{Operation}Result> (or the model's resultWrapper) inside <{Operation}Response>.
        var wrapper = operation.ResultWrapper ?? $"{operation.Name}Result";
        var start = root.Elements().FirstOrDefault(e => e.Name.LocalName == wrapper) ?? root;
        _reader.WriteStructure(writer, model.Shape(operation.OutputShape), start);
    }

    public AwsErrorDetails ReadError(AwsHttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        XElement? root;
        try
        {
            root = Parse(response.Body);
        }
        catch (XmlException)
        {
            root = null;
        }
        var error = root?.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
        string? Child(XElement? parent, string name) => parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
        return new AwsErrorDetails(
            JsonErrorReader.Sanitize(Child(error, "Code")),
            Child(error, "Message"),
            Child(root, "RequestId") ?? root?.Descendants().FirstOrDefault(e => e.Name.LocalName == "RequestId")?.Value ?? JsonErrorReader.RequestId(response));
    }

    private static XElement? Parse(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }
        using var stream = new MemoryStream(body.ToArray());
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        return XDocument.Load(reader).Root;
    }
}
