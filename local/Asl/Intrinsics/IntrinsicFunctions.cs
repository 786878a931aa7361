using System.Collections.Frozen;

using ContinuousImprovement.Asl.Intrinsics.Functions;

namespace ContinuousImprovement.Asl.Intrinsics;

/// <summary>Every States.* function Step Functions offers, by its exact (case-sensitive) name.</summary>
internal static class IntrinsicFunctions
{
    private static readonly FrozenDictionary<string, IntrinsicFunction> ByName = new IntrinsicFunction[]
    {
        StatesFormat.Instance,
        StatesStringToJson.Instance,
        StatesJsonToString.Instance,
        StatesArray.Instance,
        StatesArrayPartition.Instance,
        StatesArrayContains.Instance,
        StatesArrayRange.Instance,
        StatesArrayGetItem.Instance,
        StatesArrayLength.Instance,
        StatesArrayUnique.Instance,
        StatesBase64Encode.Instance,
        StatesBase64Decode.Instance,
        StatesHash.Instance,
        StatesJsonMerge.Instance,
        StatesMathRandom.Instance,
        StatesMathAdd.Instance,
        StatesStringSplit.Instance,
        StatesUuid.Instance,
    }.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);

    public static IEnumerable<string> Names => ByName.Keys;

    public static bool TryFind(string name, out IntrinsicFunction function) => ByName.TryGetValue(name, out function!);
}
