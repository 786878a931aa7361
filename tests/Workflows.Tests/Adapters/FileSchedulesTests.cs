using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Local.Adapters;
using ContinuousImprovement.Workflows.Tests.Twin;

namespace ContinuousImprovement.Workflows.Tests.Adapters;

public sealed class FileSchedulesTests
{
    [Fact]
    public async Task An_applied_schedule_is_read_back_by_a_new_instance_over_the_same_file()
    {
        using var folder = new TempFolder();
        await new FileSchedules(folder["schedules.json"]).ApplyAsync(new ScheduleSetting("training", true, TimeSpan.FromMinutes(15)), default);

        var read = await new FileSchedules(folder["schedules.json"]).GetAsync("training", default);

        Assert.Equal(new ScheduleSetting("training", true, TimeSpan.FromMinutes(15)), read);
    }

    [Fact]
    public async Task Applying_again_replaces_only_that_schedule()
    {
        using var folder = new TempFolder();
        var schedules = new FileSchedules(folder["schedules.json"]);
        await schedules.ApplyAsync(new ScheduleSetting("training", true, TimeSpan.FromMinutes(15)), default);
        await schedules.ApplyAsync(new ScheduleSetting("digest", true, TimeSpan.FromMinutes(60)), default);

        await schedules.ApplyAsync(new ScheduleSetting("training", false, TimeSpan.FromMinutes(30)), default);

        Assert.Equal(
            new Dictionary<string, ScheduleSetting>
            {
                ["digest"] = new("digest", true, TimeSpan.FromMinutes(60)),
                ["training"] = new("training", false, TimeSpan.FromMinutes(30)),
            },
            schedules.All());
    }

    [Fact]
    public async Task A_schedule_never_applied_is_unknown()
    {
        using var folder = new TempFolder();

        Assert.Null(await new FileSchedules(folder["schedules.json"]).GetAsync("audit", default));
    }

    [Fact]
    public async Task A_schedule_without_a_positive_period_is_refused_as_invalid()
    {
        using var folder = new TempFolder();
        var schedules = new FileSchedules(folder["schedules.json"]);

        var error = await Assert.ThrowsAsync<PortException>(() => schedules.ApplyAsync(new ScheduleSetting("audit", true, TimeSpan.Zero), default));

        Assert.Equal(PortFailure.Invalid, error.Failure);
        Assert.Empty(schedules.All());
    }

    [Fact]
    public async Task An_unreadable_file_is_reported_as_an_outage_not_a_crash()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder["schedules.json"], "{ not json");

        var error = await Assert.ThrowsAsync<PortException>(() => new FileSchedules(folder["schedules.json"]).GetAsync("training", default));

        Assert.Equal(PortFailure.Unavailable, error.Failure);
    }
}
