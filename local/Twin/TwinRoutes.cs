using System.Text.Json;
using ContinuousImprovement.Core.Events;
using ContinuousImprovement.Core.Parameters;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Local.Twin.Workflows;

namespace ContinuousImprovement.Local.Twin;

/// <summary>Which workflows an event starts: the rules CDK deploys, evaluated on the twin's events.</summary>
internal sealed class TwinRoutes(string bucket, ParameterCatalog catalog)
{
    private static readonly IReadOnlyList<TwinWorkflow> None = [];
    private static readonly IReadOnlyList<TwinWorkflow> Detection = [TwinWorkflow.Detection];
    private static readonly IReadOnlyList<TwinWorkflow> ReviewFiling = [TwinWorkflow.ReviewFiling];
    private static readonly IReadOnlyList<TwinWorkflow> ParameterApply = [TwinWorkflow.ParameterApply];

    private readonly string systemParameter = catalog.FullName(catalog.SystemParameter.Name);

    public IReadOnlyList<TwinWorkflow> Match(string eventJson)
    {
        using var document = JsonDocument.Parse(eventJson);
        var root = document.RootElement;
        var source = root.GetProperty("source").GetString();
        var detail = root.GetProperty("detail");
        if (source == "aws.s3" && detail.GetProperty("bucket").GetProperty("name").GetString() == bucket)
        {
            var key = S3KeyEncoding.Decode(detail.GetProperty("object").GetProperty("key").GetString() ?? "");
            return key.StartsWith(BucketLayout.ImagesForDetection, StringComparison.Ordinal) ? Detection
                : key.StartsWith(BucketLayout.ReviewOutput, StringComparison.Ordinal) ? ReviewFiling
                : None;
        }

        if (source == "aws.ssm" && detail.GetProperty("name").GetString() is { } name
            && name.StartsWith(catalog.Prefix, StringComparison.Ordinal) && name != systemParameter)
        {
            return ParameterApply;
        }

        return None;
    }
}
