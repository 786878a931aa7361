using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ContinuousImprovement.Aws.A2iRuntime;
using ContinuousImprovement.Aws.Errors;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Review;

namespace ContinuousImprovement.Aws.Adapters;

/// <summary>
/// <see cref="IHumanReview"/> on Amazon A2I: StartHumanLoop with the flow definition and an input the worker task
/// template reads — <c>taskObject</c> (the image's s3:// URI, which the review-filing workflow reads back from the
/// output), the detected label and its confidence, and <c>labels</c> (the choices offered). A2I refuses a second
/// loop with the same name (409 ConflictException), which is how a re-delivered event shows:
/// <see cref="ReviewStart.AlreadyStarted"/>.
/// </summary>
public sealed class A2iHumanReview(A2iRuntimeClient client, string flowDefinitionArn) : IHumanReview
{
    public async Task<ReviewStart> StartAsync(ReviewRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Labels.Count == 0)
        {
            throw new PortException(PortFailure.Invalid, $"Human loop {request.HumanLoopName} offers no label to choose from.");
        }

        var start = new StartHumanLoopRequest(request.HumanLoopName, flowDefinitionArn, new HumanLoopInput(InputContent(request)));
        try
        {
            await client.StartHumanLoopAsync(start, cancellationToken).ConfigureAwait(false);
            return ReviewStart.Started;
        }
        catch (AwsServiceException e) when (e.Error.Kind == AwsErrorKind.Conflict)
        {
            return ReviewStart.AlreadyStarted;
        }
        catch (Exception e) when (PortFailures.From($"start human loop {request.HumanLoopName}", e, cancellationToken) is { } port && !ReferenceEquals(port, e))
        {
            throw port;
        }
    }

    public async Task<HumanLoopStatus?> StatusAsync(string humanLoopName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(humanLoopName);
        try
        {
            var response = await client.DescribeHumanLoopAsync(new DescribeHumanLoopRequest(humanLoopName), cancellationToken).ConfigureAwait(false);
            return Enum.TryParse<HumanLoopStatus>(response.HumanLoopStatus, ignoreCase: false, out var status)
                ? status
                : throw new PortException(PortFailure.Unavailable, $"describe human loop {humanLoopName}: unknown status {response.HumanLoopStatus}.");
        }
        catch (AwsServiceException e) when (e.Error.Kind == AwsErrorKind.ResourceNotFound)
        {
            return null;
        }
        catch (Exception e) when (PortFailures.From($"describe human loop {humanLoopName}", e, cancellationToken) is { } port && !ReferenceEquals(port, e))
        {
            throw port;
        }
    }

    /// <summary>The InputContent JSON, e.g. <c>{"taskObject":"s3://b/k.jpg","label":"cat","confidence":71.5,"labels":["cat","dog"],"reasons":["low confidence"]}</c>.</summary>
    internal static string InputContent(ReviewRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("taskObject", request.Image.Uri);
            var top = request.Prediction.Top;
            if (top is not null)
            {
                json.WriteString("label", top.Label);
                json.WriteNumber("confidence", Math.Round(top.Confidence, 2));
                json.WriteString("confidenceText", top.Confidence.ToString("0.##", CultureInfo.InvariantCulture));
            }

            json.WriteStartArray("labels");
            foreach (var label in request.Labels)
            {
                json.WriteStringValue(label);
            }

            json.WriteEndArray();
            json.WriteStartArray("reasons");
            foreach (var reason in request.Reasons)
            {
                json.WriteStringValue(reason);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
