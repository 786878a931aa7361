using System.Text.Json;

namespace ContinuousImprovement.Aws.Model;

/// <summary>
/// A botocore service model (service-2.json) reduced to what the protocol serializers need. The shapes drive
/// serialization, so a typed record only has to name members the way the model does.
/// </summary>
public sealed class ServiceModel
{
    private readonly Dictionary<string, Shape> _shapes;
    private readonly Dictionary<string, OperationModel> _operations;

    public ServiceModel(ServiceMetadata metadata, IEnumerable<Shape> shapes, IEnumerable<OperationModel> operations)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        Metadata = metadata;
        _shapes = shapes.ToDictionary(s => s.Name, StringComparer.Ordinal);
        _operations = operations.ToDictionary(o => o.Name, StringComparer.Ordinal);
    }

    public ServiceMetadata Metadata { get; }

    public IReadOnlyDictionary<string, OperationModel> Operations => _operations;

    public IReadOnlyDictionary<string, Shape> Shapes => _shapes;

    public Shape Shape(string name) =>
        _shapes.TryGetValue(name, out var shape) ? shape : throw new KeyNotFoundException($"Shape '{name}' is not in the {Metadata.ServiceId} model.");

    public Shape Shape(MemberRef member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return Shape(member.ShapeName);
    }

    public OperationModel Operation(string name) =>
        _operations.TryGetValue(name, out var operation) ? operation : throw new KeyNotFoundException($"Operation '{name}' is not in the {Metadata.ServiceId} model.");

    /// <summary>Reads a whole service-2.json document.</summary>
    public static ServiceModel Parse(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        var operations = root.TryGetProperty("operations", out var ops)
            ? ops.EnumerateObject().Select(o => o.Value)
            : [];
        return FromParts(root.GetProperty("metadata"), root.GetProperty("shapes"), operations);
    }

    /// <summary>Builds a model from separate metadata, shapes and operation definitions (the layout of the botocore protocol tests).</summary>
    public static ServiceModel FromParts(JsonElement metadata, JsonElement shapes, IEnumerable<JsonElement> operations) =>
        new(ServiceModelReader.Metadata(metadata),
            shapes.EnumerateObject().Select(s => ServiceModelReader.Shape(s.Name, s.Value)).ToList(),
            operations.Select(ServiceModelReader.Operation).ToList());
}
