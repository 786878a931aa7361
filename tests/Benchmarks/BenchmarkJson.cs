using System.Text.Json.Serialization;
using ContinuousImprovement.Benchmarks.Asl;

namespace ContinuousImprovement.Benchmarks;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(AslRunResult))]
[JsonSerializable(typeof(ReferenceSpec))]
[JsonSerializable(typeof(ReferenceFigures))]
[JsonSerializable(typeof(Throughput.ThroughputResult))]
internal sealed partial class BenchmarkJson : JsonSerializerContext;
