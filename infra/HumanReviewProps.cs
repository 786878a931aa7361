using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;

namespace ContinuousImprovement.Infra;

/// <summary>
/// What <see cref="HumanReview"/> builds on: the operator's choice, the bucket reviewers' images and answers live in,
/// the worker template file, the lowercase name the A2I resources start with, and how long setup logs are kept.
/// </summary>
internal sealed record HumanReviewProps(A2iSetup Setup, Bucket Bucket, string TemplateFile, string NameBase, RetentionDays LogRetention);
