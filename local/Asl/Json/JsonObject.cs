using System.Collections;
using System.Text.Json;

namespace ContinuousImprovement.Asl.Json;

/// <summary>An immutable JSON object that keeps its members in insertion order, as JSON.stringify does.</summary>
public sealed class JsonObject : JsonValue, IReadOnlyCollection<KeyValuePair<string, JsonValue>>
{
    public static readonly JsonObject Empty = new([], []);

    // Small objects (most state data) are searched linearly; a dictionary pays off only beyond this.
    private const int IndexThreshold = 8;

    private readonly string[] keys;
    private readonly JsonValue[] values;
    private Dictionary<string, int>? index;

    private JsonObject(string[] keys, JsonValue[] values)
    {
        this.keys = keys;
        this.values = values;
    }

    public override JsonKind Kind => JsonKind.Object;

    public int Count => keys.Length;

    public IEnumerable<string> Keys => keys;

    /// <summary>Builds an object; a repeated key keeps its first position and its last value (as JSON.parse does).</summary>
    public static JsonObject From(IEnumerable<KeyValuePair<string, JsonValue>> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var builder = new Builder();
        foreach (var (key, value) in members)
        {
            builder.Set(key, value);
        }

        return builder.Build();
    }

    public bool TryGetValue(string key, out JsonValue value)
    {
        var at = IndexOf(key);
        value = at >= 0 ? values[at] : null!;
        return at >= 0;
    }

    public JsonValue? this[string key] => TryGetValue(key, out var value) ? value : null;

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <summary>A copy with <paramref name="key"/> set: replaced in place when present, appended otherwise.</summary>
    public JsonObject With(string key, JsonValue value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        var at = IndexOf(key);
        if (at >= 0)
        {
            if (ReferenceEquals(values[at], value))
            {
                return this;
            }

            var replaced = (JsonValue[])values.Clone();
            replaced[at] = value;
            return new JsonObject(keys, replaced);
        }

        var newKeys = new string[keys.Length + 1];
        var newValues = new JsonValue[values.Length + 1];
        keys.CopyTo(newKeys, 0);
        values.CopyTo(newValues, 0);
        newKeys[^1] = key;
        newValues[^1] = value;
        return new JsonObject(newKeys, newValues);
    }

    public IEnumerator<KeyValuePair<string, JsonValue>> GetEnumerator()
    {
        for (var i = 0; i < keys.Length; i++)
        {
            yield return new KeyValuePair<string, JsonValue>(keys[i], values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        for (var i = 0; i < keys.Length; i++)
        {
            writer.WritePropertyName(keys[i]);
            values[i].WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    private protected override int ComputeUtf8Size()
    {
        var total = 2 + Math.Max(0, keys.Length - 1);
        for (var i = 0; i < keys.Length; i++)
        {
            total += StringLiteralSize(keys[i]) + 1 + values[i].Utf8Size();
        }

        return total;
    }

    /// <summary>Objects are equal when they have the same members, in any order.</summary>
    public override bool Equals(JsonValue? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is not JsonObject obj || obj.Count != Count)
        {
            return false;
        }

        for (var i = 0; i < keys.Length; i++)
        {
            if (!obj.TryGetValue(keys[i], out var value) || !value.Equals(values[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override int GetHashCode()
    {
        // Order-independent, to agree with Equals.
        var hash = Count;
        for (var i = 0; i < keys.Length; i++)
        {
            hash ^= HashCode.Combine(StringComparer.Ordinal.GetHashCode(keys[i]), values[i].GetHashCode());
        }

        return hash;
    }

    private int IndexOf(string key)
    {
        if (keys.Length <= IndexThreshold)
        {
            for (var i = 0; i < keys.Length; i++)
            {
                if (string.Equals(keys[i], key, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -1;
        }

        index ??= BuildIndex();
        return index.TryGetValue(key, out var at) ? at : -1;
    }

    private Dictionary<string, int> BuildIndex()
    {
        var built = new Dictionary<string, int>(keys.Length, StringComparer.Ordinal);
        for (var i = 0; i < keys.Length; i++)
        {
            built[keys[i]] = i;
        }

        return built;
    }

    /// <summary>Collects members before freezing them into an object; cheaper than repeated <see cref="With"/>.</summary>
    public sealed class Builder
    {
        private string[] keys;
        private JsonValue[] values;
        private Dictionary<string, int>? positions;
        private int count;

        public Builder(int capacity = 4)
        {
            keys = capacity == 0 ? [] : new string[capacity];
            values = capacity == 0 ? [] : new JsonValue[capacity];
        }

        public int Count => count;

        public Builder Set(string key, JsonValue value)
        {
            ArgumentNullException.ThrowIfNull(key);
            ArgumentNullException.ThrowIfNull(value);
            var at = Find(key);
            if (at >= 0)
            {
                values[at] = value;
                return this;
            }

            if (count == keys.Length)
            {
                Array.Resize(ref keys, Math.Max(4, count * 2));
                Array.Resize(ref values, Math.Max(4, count * 2));
            }

            positions?.Add(key, count);
            keys[count] = key;
            values[count] = value;
            count++;
            if (positions is null && count > IndexThreshold)
            {
                positions = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i < count; i++)
                {
                    positions[keys[i]] = i;
                }
            }

            return this;
        }

        /// <summary>The object; a builder filled to exactly its capacity hands its arrays over without copying.</summary>
        public JsonObject Build()
        {
            if (count == 0)
            {
                return Empty;
            }

            var built = count == keys.Length
                ? new JsonObject(keys, values)
                : new JsonObject(keys[..count], values[..count]);
            keys = [];
            values = [];
            positions = null;
            count = 0;
            return built;
        }

        private int Find(string key)
        {
            if (positions is not null)
            {
                return positions.TryGetValue(key, out var at) ? at : -1;
            }

            for (var i = 0; i < count; i++)
            {
                if (string.Equals(keys[i], key, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
