namespace ContinuousImprovement.Aws.Model;

/// <summary>
/// A structure member, list member or map key/value: the target shape plus the serialization traits the reference
/// carries. A trait set on the reference wins over the same trait on the target shape, as in botocore.
/// </summary>
public sealed record MemberRef(string Name, string ShapeName)
{
    public MemberLocation Location { get; init; } = MemberLocation.Body;

    /// <summary>The wire name (JSON key, XML element, header, query key or URI label) when it differs from <see cref="Name"/>.</summary>
    public string? LocationName { get; init; }

    /// <summary>The awsQuery key when it differs from <see cref="LocationName"/> (an EC2-style rename).</summary>
    public string? QueryName { get; init; }

    public bool? Flattened { get; init; }

    public string? TimestampFormat { get; init; }

    /// <summary>A string member that carries JSON (base64 in headers).</summary>
    public bool JsonValue { get; init; }

    /// <summary>Filled with a fresh UUID when the caller leaves it unset, so retries stay idempotent.</summary>
    public bool IdempotencyToken { get; init; }

    public bool XmlAttribute { get; init; }

    public string WireName => LocationName ?? Name;
}
