using System.Text.Json;
using ContinuousImprovement.Asl.Runtime;
using ContinuousImprovement.Core.Parameters;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.State;
using ContinuousImprovement.Handlers.ParameterApply;
using ContinuousImprovement.Handlers.State;
using ContinuousImprovement.Workflows.Tests.Twin;

namespace ContinuousImprovement.Workflows.Tests.ParameterApply;

public sealed class ParameterApplyWorkflowTests
{
    public static TheoryData<string> CatalogParameters()
    {
        var data = new TheoryData<string>();
        foreach (var parameter in ParameterCatalog.Default.Parameters)
        {
            data.Add(parameter.Name);
        }

        return data;
    }

    [Fact]
    public async Task A_change_checked_before_another_and_remembered_after_it_keeps_both_last_good_values()
    {
        using var twin = await ParameterApplyTwin.StartAsync();
        await twin.SetAsync("Minimum-F1-Score", "0.91");
        var first = await new CheckChange(twin.Ports).HandleAsync(new CheckChangeRequest(JsonDocument.Parse(ParameterApplyTwin.ChangeOf("Minimum-F1-Score")).RootElement), default);

        // The second change runs to its end while the first waits between its check and its remember step.
        var second = await twin.ChangeAsync("Minimum-Untrained-Images", "37");
        var remembered = await new RememberLastGood(twin.Ports).HandleAsync(new ChangeRequest(first), default);

        // The second change remembered every value in force, the first one's included, so the late step has nothing to add.
        Assert.Equal("applied", second.Text("outcome.status"));
        Assert.False(remembered.Written);
        var lastGood = (await twin.StateAsync())!.LastGoodParameters;
        Assert.Equal("0.91", lastGood["Minimum-F1-Score"]);
        Assert.Equal("37", lastGood["Minimum-Untrained-Images"]);
    }

    [Fact]
    public async Task A_parameter_change_remembered_while_a_deploy_switches_the_serving_version_keeps_the_switch()
    {
        using var twin = await ParameterApplyTwin.StartAsync();
        const string Old = "arn:aws:rekognition:us-east-2:123456789012:project/ci/version/v1/1";
        const string New = "arn:aws:rekognition:us-east-2:123456789012:project/ci/version/v2/2";
        await twin.SetStateAsync(SystemState.Initial with { Serving = new ServingVersion(Old, 0.8, twin.Clock.Now) });
        using var entered = new SemaphoreSlim(0);
        using var switched = new SemaphoreSlim(0);
        var deploy = new SystemStateStore(twin.Ports).UpdateAsync(
            async (state, token) =>
            {
                entered.Release();
                await switched.WaitAsync(token);
                return state with { Serving = new ServingVersion(New, 0.9, twin.Clock.Now) };
            },
            default);
        await entered.WaitAsync();

        await twin.SetAsync("Minimum-F1-Score", "0.91");
        var change = twin.RunAsync(ParameterApplyTwin.ChangeOf("Minimum-F1-Score"));

        // Time for the change to reach its remember step, which without the lease would read the state before the
        // switch and write it back after; with the lease it waits. Either way the outcome must be the same.
        await Task.Delay(300);
        switched.Release();
        var run = await change;
        await deploy;

        Assert.Equal("applied", run.Text("outcome.status"));
        var state = (await twin.StateAsync())!;
        Assert.Equal(New, state.Serving?.ProjectVersionArn);
        Assert.Equal("0.91", state.LastGoodParameters["Minimum-F1-Score"]);
    }

    [Theory]
    [MemberData(nameof(CatalogParameters))]
    public async Task A_bad_value_of_any_parameter_is_replaced_by_the_value_in_force_and_rejected_with_the_reason(string name)
    {
        using var twin = await ParameterApplyTwin.StartAsync();
        var definition = ParameterCatalog.Default[name];
        var bad = ParameterApplyTwin.BadValue(definition);

        var run = await twin.ChangeAsync(name, bad);

        Assert.Equal(ExecutionStatus.Succeeded, run.Status);
        Assert.Equal(ChangeActions.Restore, run.Text("change.action"));
        Assert.Equal(Canonical(definition), await twin.GetAsync(name));
        var mail = Assert.Single(twin.Outbox.Published());
        Assert.Equal("parameter-rejected", mail.Kind);
        Assert.Contains(name, mail.Message, StringComparison.Ordinal);
        Assert.Contains(definition.AllowedText, mail.Message, StringComparison.Ordinal);
        Assert.Empty(twin.Schedules.All());
    }

    [Theory]
    [MemberData(nameof(CatalogParameters))]
    public async Task The_restore_raises_a_change_that_is_applied_and_nothing_is_restored_again(string name)
    {
        using var twin = await ParameterApplyTwin.StartAsync();
        await twin.ChangeAsync(name, ParameterApplyTwin.BadValue(ParameterCatalog.Default[name]));
        var version = (await twin.Parameters.GetAsync(ParameterCatalog.Default.FullName(name), default))!.Version;

        var echo = await twin.RunAsync(ParameterApplyTwin.ChangeOf(name));

        Assert.Equal(ChangeActions.Apply, echo.Text("change.action"));
        Assert.Equal(version, (await twin.Parameters.GetAsync(ParameterCatalog.Default.FullName(name), default))!.Version);
        Assert.Equal(["parameter-rejected", "parameter-applied"], twin.Outbox.Published().Select(n => n.Kind));
        Assert.Equal(Canonical(ParameterCatalog.Default[name]), (await twin.StateAsync())!.LastGoodParameters[name]);
    }

    // The restore writes the value in force in its canonical form ("1" for a default written "1.0").
    private static string Canonical(ParameterDefinition definition) => ParameterCatalog.Default.Check(definition.Name, definition.Default).Value!.Canonical;

    [Fact]
    public async Task A_good_value_becomes_the_last_good_value_that_a_later_bad_one_falls_back_to()
    {
        using var twin = await ParameterApplyTwin.StartAsync();

        var good = await twin.ChangeAsync("Minimum-F1-Score", "0.9");
        var bad = await twin.ChangeAsync("Minimum-F1-Score", "1.7");

        Assert.Equal(ChangeActions.Apply, good.Text("change.action"));
        Assert.Equal(ChangeActions.Restore, bad.Text("change.action"));
        Assert.Equal("0.9", await twin.GetAsync("Minimum-F1-Score"));
        Assert.Equal("0.9", (await twin.StateAsync())!.LastGoodParameters["Minimum-F1-Score"]);
        var mails = twin.Outbox.Published();
        Assert.Equal(["parameter-applied", "parameter-rejected"], mails.Select(n => n.Kind));
        Assert.Contains("'1.7'", mails[1].Message, StringComparison.Ordinal);
        Assert.Contains("The last good value '0.9' stays in force", mails[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remembering_last_good_values_keeps_the_rest_of_the_system_parameter()
    {
        using var twin = await ParameterApplyTwin.StartAsync();
        var serving = new ServingVersion(DetectionTwin.ServingArn, 0.91, twin.Clock.Now.AddDays(-1));
        await twin.SetStateAsync(SystemState.Initial with { Serving = serving, Counters = new SystemCounters(3, 2) });

        await twin.ChangeAsync("Minimum-Untrained-Images", "80");

        var state = (await twin.StateAsync())!;
        Assert.Equal(serving, state.Serving);
        Assert.Equal(new SystemCounters(3, 2), state.Counters);
        Assert.Equal("80", state.LastGoodParameters["Minimum-Untrained-Images"]);
    }

    [Theory]
    [InlineData("Automatic-Training-Poll-Frequency", "15", "training", true, 15)]
    [InlineData("Enable-Automatic-Training", "false", "training", false, 60)]
    [InlineData("Enable-Automatic-Human-Sampling", "TRUE", "audit", true, 1440)]
    [InlineData("Automatic-Human-Sampling-Frequency", "30", "audit", false, 30)]
    [InlineData("Notification-Digest-Frequency", "240", "digest", true, 240)]
    public async Task Schedule_parameters_re_time_enable_or_disable_their_schedule(string name, string value, string schedule, bool enabled, int minutes)
    {
        using var twin = await ParameterApplyTwin.StartAsync();

        var run = await twin.ChangeAsync(name, value);

        Assert.Equal(ExecutionStatus.Succeeded, run.Status);
        Assert.Equal(new ScheduleSetting(schedule, enabled, TimeSpan.FromMinutes(minutes)), await twin.Schedules.GetAsync(schedule, default));
        Assert.Single(twin.Schedules.All());
        var mail = Assert.Single(twin.Outbox.Published());
        Assert.Equal("parameter-applied", mail.Kind);
        Assert.Contains(schedule, mail.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Re_enabling_training_keeps_the_period_set_earlier()
    {
        using var twin = await ParameterApplyTwin.StartAsync();

        await twin.ChangeAsync("Automatic-Training-Poll-Frequency", "20");
        await twin.ChangeAsync("Enable-Automatic-Training", "false");
        var disabled = await twin.Schedules.GetAsync("training", default);
        await twin.ChangeAsync("Enable-Automatic-Training", "true");

        Assert.Equal(new ScheduleSetting("training", false, TimeSpan.FromMinutes(20)), disabled);
        Assert.Equal(new ScheduleSetting("training", true, TimeSpan.FromMinutes(20)), await twin.Schedules.GetAsync("training", default));
    }

    [Fact]
    public async Task A_bad_schedule_value_leaves_the_schedule_untouched()
    {
        using var twin = await ParameterApplyTwin.StartAsync();
        await twin.ChangeAsync("Automatic-Training-Poll-Frequency", "30");

        await twin.ChangeAsync("Automatic-Training-Poll-Frequency", "2");

        Assert.Equal(new ScheduleSetting("training", true, TimeSpan.FromMinutes(30)), await twin.Schedules.GetAsync("training", default));
        Assert.Equal("30", await twin.GetAsync("Automatic-Training-Poll-Frequency"));
    }

    [Fact]
    public async Task Parameters_read_by_the_next_run_apply_no_schedule()
    {
        using var twin = await ParameterApplyTwin.StartAsync();

        var run = await twin.ChangeAsync("Margin-Threshold", "0.2");

        Assert.Equal("applied", run.Text("outcome.status"));
        Assert.Empty(twin.Schedules.All());
        Assert.Contains("Read by the next detection", Assert.Single(twin.Outbox.Published()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_parameter_is_written_back_with_its_last_good_value()
    {
        using var twin = await ParameterApplyTwin.StartAsync();
        await twin.ChangeAsync("Max-Human-Loops-Per-Day", "250");
        var file = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Path.GetDirectoryName(twin.Outbox.Path)!, "parameters.json")))!;
        file["parameters"]!.AsObject().Remove(ParameterCatalog.Default.FullName("Max-Human-Loops-Per-Day"));
        await File.WriteAllTextAsync(Path.Combine(Path.GetDirectoryName(twin.Outbox.Path)!, "parameters.json"), file.ToJsonString());

        var run = await twin.RunAsync(ParameterApplyTwin.ChangeOf("Max-Human-Loops-Per-Day", "Delete"));

        Assert.Equal(ChangeActions.Restore, run.Text("change.action"));
        Assert.Equal("250", await twin.GetAsync("Max-Human-Loops-Per-Day"));
        Assert.Contains("was deleted", twin.Outbox.Published()[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_that_breaks_a_cross_parameter_rule_is_reverted()
    {
        using var twin = await ParameterApplyTwin.StartAsync();

        var run = await twin.ChangeAsync("Confidence-Band-Low", "70");

        Assert.Equal(ChangeActions.Restore, run.Text("change.action"));
        Assert.Equal("40", await twin.GetAsync("Confidence-Band-Low"));
        Assert.Contains("Confidence-Band-High", twin.Outbox.Published()[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ContinuousImprovement/Margin-Threshold")]
    [InlineData("/ContinuousImprovement/Margin-Threshold")]
    public async Task The_event_name_is_read_with_or_without_its_leading_slash(string eventName)
    {
        using var twin = await ParameterApplyTwin.StartAsync();
        await twin.SetAsync("Margin-Threshold", "0.25");

        var run = await twin.RunAsync(ParameterApplyTwin.ChangeEvent(eventName, "Update"));

        Assert.Equal(ChangeActions.Apply, run.Text("change.action"));
        Assert.Equal("Margin-Threshold", run.Text("change.name"));
    }

    [Theory]
    [InlineData("MyExampleParameter")]
    [InlineData("/Other/Minimum-F1-Score")]
    [InlineData("/ContinuousImprovement/nested/Minimum-F1-Score")]
    [InlineData("/ContinuousImprovement/System-State")]
    public async Task Changes_that_are_not_an_operators_to_apply_are_ignored_silently(string eventName)
    {
        using var twin = await ParameterApplyTwin.StartAsync();

        var run = await twin.RunAsync(ParameterApplyTwin.ChangeEvent(eventName, "Update"));

        Assert.Equal(ExecutionStatus.Succeeded, run.Status);
        Assert.Equal(ChangeActions.Ignore, run.Text("change.action"));
        Assert.Empty(twin.Outbox.Published());
        Assert.Null(await twin.StateAsync());
    }

    [Fact]
    public async Task An_unknown_name_under_the_prefix_is_notified_and_nothing_is_applied()
    {
        using var twin = await ParameterApplyTwin.StartAsync();
        await twin.SetAsync("Minimum-F1-Scor", "0.9");

        var run = await twin.RunAsync(ParameterApplyTwin.ChangeOf("Minimum-F1-Scor", "Create"));

        Assert.Equal(ChangeActions.Notify, run.Text("change.action"));
        var mail = Assert.Single(twin.Outbox.Published());
        Assert.Equal("parameter-rejected", mail.Kind);
        Assert.Contains("not a parameter of the catalog", mail.Message, StringComparison.Ordinal);
        Assert.Null(await twin.StateAsync());
    }

    [Fact]
    public async Task Routing_parameter_notifications_follows_the_routes_just_set()
    {
        using var twin = await ParameterApplyTwin.StartAsync();

        await twin.ChangeAsync("Notify-Immediately", "workflow-error");
        await twin.ChangeAsync("Notify-In-Digest", "parameter-applied");
        await twin.ChangeAsync("Margin-Threshold", "0.3");

        // The first change already routes parameter-applied nowhere (log only); the second sends it to the digest.
        Assert.Empty(twin.Outbox.Published());
        Assert.Equal(["parameter-applied", "parameter-applied"], twin.Digest.Pending().Select(n => n.Kind));
    }

    [Fact]
    public async Task An_unreadable_system_parameter_fails_the_change_with_a_workflow_error_and_applies_nothing()
    {
        using var twin = await ParameterApplyTwin.StartAsync();
        await twin.Parameters.PutAsync(ParameterCatalog.Default.FullName(ParameterCatalog.Default.SystemParameter.Name), "{\"schemaVersion\": 99}", default);

        var run = await twin.ChangeAsync("Automatic-Training-Poll-Frequency", "15");

        Assert.Equal(ExecutionStatus.Failed, run.Status);
        Assert.Equal("Handler.InvalidState", run.Execution.Error);
        Assert.Empty(twin.Schedules.All());
        var mail = Assert.Single(twin.Outbox.Published());
        Assert.Equal("workflow-error", mail.Kind);
        Assert.Contains("Automatic-Training-Poll-Frequency", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("newer build", mail.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_without_a_schedules_port_refuses_to_re_time_a_schedule_instead_of_pretending()
    {
        using var twin = await ParameterApplyTwin.StartAsync();
        var apply = new ContinuousImprovement.Handlers.Invocation.HandlerCatalog(twin.Ports with { Schedules = null })[ParameterApplyWorkflow.Apply];
        var change = """{"change":{"action":"apply","name":"Automatic-Training-Poll-Frequency","operation":"Update","reason":"r","value":"15","lastGood":{},"schedule":{"name":"training","enabled":true,"everyMinutes":15},"notification":null}}""";

        var result = await apply.InvokeAsync(System.Text.Encoding.UTF8.GetBytes(change), default);

        Assert.Equal("Handler.InvalidState", result.Error?.Name);
        Assert.Contains("no schedules port", result.Error!.Cause, StringComparison.Ordinal);
    }
}
