using System.Text;

using ContinuousImprovement.Asl.Json;

namespace ContinuousImprovement.Asl.Intrinsics;

/// <summary>
/// How States.Format prints a value: strings bare, numbers, booleans and null as in JSON, and (though the ASL
/// spec forbids them) objects and arrays as Java's Map and List toString, which is what AWS actually returns.
/// Recorded against AWS: <c>{"Arg1": 1, "Arg2": []}</c> prints as <c>{Arg1=1, Arg2=[]}</c>.
/// </summary>
internal static class JavaStyleText
{
    public static void Append(StringBuilder builder, JsonValue value)
    {
        switch (value)
        {
            case JsonString s:
                builder.Append(s.Value);
                break;
            case JsonNumber n:
                builder.Append(n.ToString());
                break;
            case JsonBoolean b:
                builder.Append(b.Value ? "true" : "false");
                break;
            case JsonNull:
                builder.Append("null");
                break;
            case JsonArray array:
                builder.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(", ");
                    }

                    Append(builder, array[i]);
                }

                builder.Append(']');
                break;
            case JsonObject obj:
                builder.Append('{');
                var first = true;
                foreach (var (key, member) in obj)
                {
                    if (!first)
                    {
                        builder.Append(", ");
                    }

                    first = false;
                    builder.Append(key).Append('=');
                    Append(builder, member);
                }

                builder.Append('}');
                break;
        }
    }
}
