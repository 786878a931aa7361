namespace ContinuousImprovement.Aws.Rekognition;

/// <summary>An image either inline (<paramref name="Bytes"/>, at most 4 MB) or in S3, never both.</summary>
public sealed record Image(byte[]? Bytes = null, S3Object? S3Object = null);

public sealed record DetectCustomLabelsRequest(string ProjectVersionArn, Image Image, int? MaxResults = null, double? MinConfidence = null);

public sealed record DetectCustomLabelsResponse(IReadOnlyList<CustomLabel>? CustomLabels = null);

/// <summary>A detected label; <paramref name="Confidence"/> is on Rekognition's 0–100 scale.</summary>
public sealed record CustomLabel(string? Name = null, double? Confidence = null, Geometry? Geometry = null);

public sealed record Geometry(BoundingBox? BoundingBox = null, IReadOnlyList<Point>? Polygon = null);

public sealed record BoundingBox(double? Width = null, double? Height = null, double? Left = null, double? Top = null);

public sealed record Point(double? X = null, double? Y = null);
