using System.Globalization;

using ContinuousImprovement.Core.Storage;

namespace ContinuousImprovement.Local.Portal;

/// <summary>
/// Where a human loop's output document goes, as A2I lays it out under the flow definition's output path:
/// <c>review_output/&lt;flow definition&gt;/&lt;yyyy&gt;/&lt;MM&gt;/&lt;dd&gt;/&lt;HH&gt;/&lt;mm&gt;/&lt;ss&gt;/&lt;loop&gt;/output.json</c>
/// with the UTC time of the answer.
/// </summary>
public static class ReviewOutputKey
{
    public static string For(string flowDefinitionName, string humanLoopName, DateTimeOffset answeredAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(flowDefinitionName);
        ArgumentException.ThrowIfNullOrWhiteSpace(humanLoopName);
        var time = answeredAt.UtcDateTime.ToString("yyyy'/'MM'/'dd'/'HH'/'mm'/'ss", CultureInfo.InvariantCulture);
        return $"{BucketLayout.ReviewOutput}{flowDefinitionName}/{time}/{humanLoopName}/output.json";
    }
}
