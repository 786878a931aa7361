using System.Text.Json;

namespace ContinuousImprovement.Infra.Tests;

/// <summary>
/// <c>infra/handler-port-calls.json</c>: which port methods each handler called in the workflow tests, as the recorder
/// there wrote it (<c>{"&lt;handler&gt;": ["&lt;interface&gt;.&lt;method&gt;", …]}</c>). Read as a document, not bound to types.
/// </summary>
internal static class HandlerPortCalls
{
    /// <summary>The file, relative to the repository root.</summary>
    public const string RelativePath = "infra/handler-port-calls.json";

    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<string>>> Calls = new(Read);

    /// <summary>Each handler's recorded port calls, by handler name.</summary>
    /// <exception cref="InvalidDataException">The file is missing or not of the shape above; the message says where.</exception>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ByHandler => Calls.Value;

    private static Dictionary<string, IReadOnlyList<string>> Read()
    {
        var path = Path.Combine(StackSettings.FindRepositoryRoot(), RelativePath);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path} is missing: the workflow tests record it (which port methods each handler calls); run them and commit it.");
        }

        using var document = ParseFile(path);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{RelativePath} holds a JSON {document.RootElement.ValueKind}, not an object of handler names.");
        }

        var calls = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var handler in document.RootElement.EnumerateObject())
        {
            if (handler.Value.ValueKind != JsonValueKind.Array || handler.Value.EnumerateArray().Any(c => c.ValueKind != JsonValueKind.String))
            {
                throw new InvalidDataException($"{RelativePath}: the entry of \"{handler.Name}\" is not a list of \"<interface>.<method>\" strings: {handler.Value.GetRawText()}");
            }

            if (!calls.TryAdd(handler.Name, [.. handler.Value.EnumerateArray().Select(c => c.GetString()!)]))
            {
                throw new InvalidDataException($"{RelativePath} names \"{handler.Name}\" twice.");
            }
        }

        return calls;
    }

    private static JsonDocument ParseFile(string path)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{RelativePath} is not valid JSON: {e.Message}", e);
        }
    }
}
