using System.Text.Json;

namespace ContinuousImprovement.Handlers.ReviewFiling;

/// <summary>A failed review-filing execution: the event it started from and the state it had reached, with the caught error.</summary>
public sealed record DescribeReviewFilingFailureRequest(JsonElement Event, ReviewFilingProgress Progress);
