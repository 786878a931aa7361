namespace ContinuousImprovement.Aws.Model;

/// <summary>Where a REST protocol puts a member: the body, the path, the query string, a header or the status code.</summary>
public enum MemberLocation
{
    Body,
    Uri,
    QueryString,
    Header,
    Headers,
    StatusCode,
}
