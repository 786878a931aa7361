using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Paths;

namespace ContinuousImprovement.Asl.Tests.Paths;

/// <summary>The Goessner/Jayway "store" document and a compact way to run a path on JSON text.</summary>
internal static class PathFixtures
{
    public const string Store = """
        {
          "store": {
            "book": [
              { "category": "reference", "author": "Nigel Rees", "title": "Sayings of the Century", "price": 8.95 },
              { "category": "fiction", "author": "Evelyn Waugh", "title": "Sword of Honour", "price": 12.99 },
              { "category": "fiction", "author": "Herman Melville", "title": "Moby Dick", "isbn": "0-553-21311-3", "price": 8.99 },
              { "category": "fiction", "author": "J. R. R. Tolkien", "title": "The Lord of the Rings", "isbn": "0-395-19395-8", "price": 22.99 }
            ],
            "bicycle": { "color": "red", "price": 19.95 }
          },
          "expensive": 10
        }
        """;

    public static readonly JsonValue StoreValue = JsonValue.Parse(Store);

    /// <summary>The compact JSON of the result, or "missing" when a definite path finds nothing.</summary>
    public static string Evaluate(string path, string json) => Evaluate(path, JsonValue.Parse(json));

    public static string Evaluate(string path, JsonValue root) =>
        JsonPath.Compile(path).TryEvaluate(root, out var result) ? result.ToJson() : "missing";

    /// <summary>The "title" of every book object in the result, to keep store assertions readable.</summary>
    public static string Titles(string path) =>
        JsonPath.Compile(path).TryEvaluate(StoreValue, out var result) && result is JsonArray books
            ? string.Join("|", books.Select(b => ((JsonObject)b)["title"]!.ToJson().Trim('"')))
            : "not an array";
}
