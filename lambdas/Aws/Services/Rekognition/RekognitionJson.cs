using System.Text.Json.Serialization;

namespace ContinuousImprovement.Aws.Rekognition;

/// <summary>Source-generated JSON for the Rekognition records (PascalCase on the wire, as the model names members).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(DetectCustomLabelsRequest))]
[JsonSerializable(typeof(DetectCustomLabelsResponse))]
[JsonSerializable(typeof(CreateProjectVersionRequest))]
[JsonSerializable(typeof(CreateProjectVersionResponse))]
[JsonSerializable(typeof(DescribeProjectVersionsRequest))]
[JsonSerializable(typeof(DescribeProjectVersionsResponse))]
[JsonSerializable(typeof(StartProjectVersionRequest))]
[JsonSerializable(typeof(StartProjectVersionResponse))]
[JsonSerializable(typeof(StopProjectVersionRequest))]
[JsonSerializable(typeof(StopProjectVersionResponse))]
[JsonSerializable(typeof(DescribeProjectsRequest))]
[JsonSerializable(typeof(DescribeProjectsResponse))]
[JsonSerializable(typeof(CreateDatasetRequest))]
[JsonSerializable(typeof(CreateDatasetResponse))]
[JsonSerializable(typeof(UpdateDatasetEntriesRequest))]
[JsonSerializable(typeof(EmptyResponse))]
public sealed partial class RekognitionJson : JsonSerializerContext;
