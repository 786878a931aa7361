namespace ContinuousImprovement.Aws.Model;

/// <summary>The kinds of shapes a botocore service model describes.</summary>
public enum ShapeType
{
    Structure,
    List,
    Map,
    String,
    Integer,
    Long,
    Float,
    Double,
    Boolean,
    Blob,
    Timestamp,

    /// <summary>Free-form JSON (Smithy document); passed through unchanged by the JSON protocols.</summary>
    Document,
}
