namespace ContinuousImprovement.Asl.Json;

/// <summary>The JSON types, in the order the ASL spec and States.* intrinsics speak of them.</summary>
public enum JsonKind
{
    Null,
    Boolean,
    Number,
    String,
    Array,
    Object,
}
