using System.Text.Json.Serialization;

namespace ContinuousImprovement.Handlers.ReviewFiling;

// Nulls are written (Choice states test them with IsNull); a missing or null required field is an input error.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(ReadReviewRequest))]
[JsonSerializable(typeof(ReviewRead))]
[JsonSerializable(typeof(FileImageRequest))]
[JsonSerializable(typeof(FilingResult))]
[JsonSerializable(typeof(ConcludeRequest))]
[JsonSerializable(typeof(ReviewFilingOutcome))]
[JsonSerializable(typeof(DescribeReviewFilingFailureRequest))]
[JsonSerializable(typeof(Detection.FailureReport))]
internal sealed partial class ReviewFilingJsonContext : JsonSerializerContext;
