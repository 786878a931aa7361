using static ContinuousImprovement.Core.Tests.Events.PatternTesting;

namespace ContinuousImprovement.Core.Tests.Events;

/// <summary>Patterns of every kind against the real AWS events in shared/aws/events, as they arrive.</summary>
public sealed class EventPatternExampleEventTests
{
    private const string Created = "s3-eventbridge-object-created.json";
    private const string Multipart = "s3-eventbridge-object-created.multipart.SYNTHESIZED.json";
    private const string Deleted = "s3-eventbridge-object-deleted.json";
    private const string Lifecycle = "s3-eventbridge-object-deleted-lifecycle.json";
    private const string Restored = "s3-eventbridge-object-restore-complete.json";
    private const string LoopCompleted = "a2i-humanloop-status-change.json";
    private const string LoopFailed = "a2i-humanloop-status-change.failed.SYNTHESIZED.json";
    private const string SsmUpdate = "ssm-parameter-store-change-update.json";

    public static TheoryData<string, string, bool> Cases => new()
    {
        { """{"source":["aws.s3"],"detail-type":["Object Created"]}""", Created, true },
        { """{"source":["aws.s3"],"detail-type":["Object Created"]}""", Multipart, true },
        { """{"source":["aws.s3"],"detail-type":["Object Created"]}""", Deleted, false },
        { """{"source":["aws.s3"],"detail-type":["Object Created"]}""", SsmUpdate, false },
        { """{"detail":{"bucket":{"name":["DOC-EXAMPLE-BUCKET1"]},"object":{"key":["example-key"]}}}""", Restored, true },
        { """{"resources":["arn:aws:s3:::DOC-EXAMPLE-BUCKET1"]}""", Lifecycle, true },
        { """{"resources":[{"wildcard":"arn:aws:s3:::*-BUCKET1"}]}""", Created, true },
        { """{"resources":[{"wildcard":"arn:aws:s3:::*-BUCKET2"}]}""", Created, false },
        { """{"detail":{"reason":[{"anything-but":["PutObject","CompleteMultipartUpload"]}]}}""", Created, false },
        { """{"detail":{"reason":[{"anything-but":["PutObject","CompleteMultipartUpload"]}]}}""", Deleted, true },
        { """{"detail":{"reason":[{"anything-but":["PutObject","CompleteMultipartUpload"]}]}}""", Restored, false },
        { """{"detail":{"object":{"size":[{"numeric":[">",1000000]}]}}}""", Multipart, true },
        { """{"detail":{"object":{"size":[{"numeric":[">",1000000]}]}}}""", Created, false },
        { """{"detail":{"object":{"size":[{"numeric":["=",5]}]}}}""", Restored, true },
        { """{"detail":{"deletion-type":[{"exists":true}]}}""", Deleted, true },
        { """{"detail":{"deletion-type":[{"exists":true}]}}""", Created, false },
        { """{"detail":{"source-ip-address":[{"cidr":"1.2.3.0/24"}]}}""", Created, true },
        { """{"detail":{"source-ip-address":[{"cidr":"1.2.4.0/24"}]}}""", Created, false },
        { """{"detail":{"source-ip-address":[{"exists":false}]}}""", Lifecycle, true },
        { """{"detail":{"requester":[{"suffix":".amazonaws.com"}]}}""", Lifecycle, true },
        { """{"detail":{"requester":[{"suffix":".amazonaws.com"}]}}""", Deleted, false },
        { """{"detail-type":[{"equals-ignore-case":"object restore completed"}]}""", Restored, true },
        { """{"region":[{"prefix":{"equals-ignore-case":"CA-"}}]}""", Created, true },
        { """{"account":[111122223333]}""", Created, false },
        { """{"account":["111122223333"]}""", Created, true },
        { """{"detail":{"failureCode":[null]}}""", LoopCompleted, true },
        { """{"detail":{"failureCode":[null]}}""", LoopFailed, false },
        { """{"detail":{"humanLoopOutput":{"outputS3Uri":[{"exists":false}]}}}""", LoopFailed, true },
        { """{"detail":{"humanLoopOutput":{"outputS3Uri":[{"exists":false}]}}}""", LoopCompleted, false },
        { """{"detail":{"$or":[{"humanLoopStatus":["Failed"]},{"failureReason":[{"exists":true}]}]}}""", LoopFailed, true },
        { """{"detail":{"$or":[{"humanLoopStatus":["Failed"]},{"failureCode":[{"prefix":"E"}]}]}}""", LoopCompleted, false },
        { """{"source":["aws.ssm"],"detail":{"name":[{"prefix":"MyExample"}],"operation":["Create","Update"]}}""", SsmUpdate, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_pattern_matches_a_real_event_as_EventBridge_would(string pattern, string file, bool expected) =>
        Assert.Equal(expected, Matches(pattern, EventExamples.Read(file)));
}
