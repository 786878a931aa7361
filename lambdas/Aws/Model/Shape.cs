namespace ContinuousImprovement.Aws.Model;

/// <summary>One named shape of a service model; members refer to other shapes by name so recursive shapes need no cycles.</summary>
public sealed record Shape(string Name, ShapeType Type)
{
    public IReadOnlyList<MemberRef> Members { get; init; } = [];

    public IReadOnlySet<string> Required { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The element of a list shape.</summary>
    public MemberRef? ListMember { get; init; }

    public MemberRef? MapKey { get; init; }

    public MemberRef? MapValue { get; init; }

    public bool Flattened { get; init; }

    public string? TimestampFormat { get; init; }

    /// <summary>The member sent as the whole HTTP body (REST protocols).</summary>
    public string? Payload { get; init; }

    /// <summary>The wire error code of an exception shape when it differs from the shape name (awsQueryError).</summary>
    public string? ErrorCode { get; init; }

    public bool IsException { get; init; }

    public MemberRef? Member(string name) => Members.FirstOrDefault(m => m.Name == name);
}
