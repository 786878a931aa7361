using ContinuousImprovement.Aws.Runtime;

namespace ContinuousImprovement.Aws.Scheduler;

/// <summary>EventBridge Scheduler (restJson1) until AWSSDK.Scheduler can replace it.</summary>
public sealed class SchedulerClient(AwsClientOptions options) : IDisposable
{
    private readonly AwsServiceClient _client = new(AwsService.Scheduler, options);

    public Task<UpdateScheduleResponse> UpdateScheduleAsync(UpdateScheduleRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync("UpdateSchedule", request, SchedulerJson.Default.UpdateScheduleRequest, SchedulerJson.Default.UpdateScheduleResponse, cancellationToken);

    public Task<GetScheduleResponse> GetScheduleAsync(GetScheduleRequest request, CancellationToken cancellationToken = default) =>
        _client.InvokeAsync("GetSchedule", request, SchedulerJson.Default.GetScheduleRequest, SchedulerJson.Default.GetScheduleResponse, cancellationToken);

    public void Dispose() => _client.Dispose();
}
