using System.Collections;
using System.Text.Json;

namespace ContinuousImprovement.Asl.Json;

public sealed class JsonArray : JsonValue, IReadOnlyList<JsonValue>
{
    public static readonly JsonArray Empty = new([]);

    private readonly JsonValue[] items;

    /// <summary>Takes ownership of <paramref name="items"/>: the caller must not change it afterwards.</summary>
    public JsonArray(JsonValue[] items) => this.items = items ?? throw new ArgumentNullException(nameof(items));

    public JsonArray(IEnumerable<JsonValue> items)
        : this(items.ToArray())
    {
    }

    public override JsonKind Kind => JsonKind.Array;

    public int Count => items.Length;

    public JsonValue this[int index] => items[index];

    public ReadOnlySpan<JsonValue> AsSpan() => items;

    public IEnumerator<JsonValue> GetEnumerator() => ((IEnumerable<JsonValue>)items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => items.GetEnumerator();

    public override void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartArray();
        foreach (var item in items)
        {
            item.WriteTo(writer);
        }

        writer.WriteEndArray();
    }

    public override bool Equals(JsonValue? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is not JsonArray array || array.items.Length != items.Length)
        {
            return false;
        }

        for (var i = 0; i < items.Length; i++)
        {
            if (!items[i].Equals(array.items[i]))
            {
                return false;
            }
        }

        return true;
    }

    private protected override int ComputeUtf8Size()
    {
        var total = 2 + Math.Max(0, items.Length - 1);
        foreach (var item in items)
        {
            total += item.Utf8Size();
        }

        return total;
    }

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(items.Length);
        foreach (var item in items)
        {
            hash.Add(item.GetHashCode());
        }

        return hash.ToHashCode();
    }
}
