using ContinuousImprovement.Core.Audit;
using FsCheck;
using FsCheck.Fluent;

namespace ContinuousImprovement.Core.Tests.Audit;

/// <summary>Confident-detection logs with gaps in the numbering (other detections), some labeled, some sharing a key.</summary>
internal static class AuditGenerators
{
    /// <summary>A log whose every image key differs (the plan's own dedupe then never applies).</summary>
    public static Gen<AuditLog> UniqueLog { get; } = Log(sharedKeys: false, labels: false);

    /// <summary>A log with labeled detections, every image key different.</summary>
    public static Gen<AuditLog> LabeledLog { get; } = Log(sharedKeys: false, labels: true);

    /// <summary>A log with labeled detections and repeated keys.</summary>
    public static Gen<AuditLog> AnyLog { get; } = Log(sharedKeys: true, labels: true);

    public static Gen<int> Interval { get; } = Gen.Frequency((4, Gen.Choose(1, 6)), (1, Gen.Choose(7, 40)));

    private static Gen<AuditLog> Log(bool sharedKeys, bool labels) =>
        from count in Gen.Choose(0, 60)
        from gaps in Gen.ArrayOf(Gen.Choose(1, 4), count)
        from labeled in Gen.ArrayOf(Gen.Frequency((7, Gen.Constant(false)), (labels ? 1 : 0, Gen.Constant(true))), count)
        from keys in Gen.ArrayOf(Gen.Choose(0, 5), count)
        from tail in Gen.Choose(0, 3)
        select Build(gaps, labeled, sharedKeys ? keys : null, tail);

    private static AuditLog Build(int[] gaps, bool[] labeled, int[]? keys, int tail)
    {
        var detections = new List<AuditCandidate>(gaps.Length);
        long sequence = 0;
        for (var i = 0; i < gaps.Length; i++)
        {
            sequence += gaps[i];
            var key = keys is not null && keys[i] < 2 ? $"shared-{keys[i]}.png" : $"img-{sequence}.png";
            detections.Add(new AuditCandidate(sequence, key, Labeled: labeled[i]));
        }

        return new AuditLog(detections, sequence + tail);
    }
}

/// <summary>Confident detections in order and the last sequence number the log holds.</summary>
internal sealed record AuditLog(IReadOnlyList<AuditCandidate> Detections, long End)
{
    public IReadOnlyList<AuditCandidate> After(long sequence, long through) =>
        Detections.Where(d => d.Sequence > sequence && d.Sequence <= through).ToList();

    public override string ToString() =>
        $"[{string.Join(", ", Detections.Select(d => $"#{d.Sequence}{(d.Labeled ? "L" : "")}:{d.ImageKey}"))}] through #{End}";
}
