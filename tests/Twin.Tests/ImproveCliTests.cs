using System.Text.Json.Nodes;
using ContinuousImprovement.Core.Storage;
using ContinuousImprovement.Local.Cli;

namespace ContinuousImprovement.Local.Twin.Tests;

public sealed class ImproveCliTests : IDisposable
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    private readonly TwinFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Params_set_refuses_a_value_outside_the_catalog_with_its_reason_and_changes_nothing()
    {
        var (code, output) = await CliRun.RunAsync(folder.Path, "params", "set", "Minimum-F1-Score", "1.5");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("Minimum-F1-Score = '1.5' is not valid", output);
        Assert.Contains("Nothing was changed", output);
        Assert.Contains("= 0.8 (version 1)", (await CliRun.RunAsync(folder.Path, "params", "get", "Minimum-F1-Score")).Output);
    }

    [Fact]
    public async Task Params_set_stores_a_good_value_and_reports_the_parameter_apply_notification()
    {
        var (code, output) = await CliRun.RunAsync(folder.Path, "params", "set", "/ContinuousImprovement/Automatic-Training-Poll-Frequency", "30");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("parameter-applied", output);
        Assert.Contains("= 30 (version 2)", (await CliRun.RunAsync(folder.Path, "params", "get", "Automatic-Training-Poll-Frequency")).Output);
    }

    [Fact]
    public async Task Params_set_with_force_lets_the_workflow_reject_the_value_and_restore_the_last_good_one()
    {
        var (code, output) = await CliRun.RunAsync(folder.Path, "params", "set", "Minimum-Inference-Units", "0", "--force");

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("parameter-rejected", output);
        var (_, listed) = await CliRun.RunAsync(folder.Path, "params", "list");
        Assert.Matches(@"Minimum-Inference-Units\s+│\s+1\s+│", listed);
    }

    [Fact]
    public async Task Train_runs_the_training_workflow_and_prints_why_it_did_not_train_on_a_new_twin()
    {
        var (code, output) = await CliRun.RunAsync(folder.Path, "train", "--retry");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("skipped: not training: there are no labeled images yet", output);
        Assert.Matches(@"'improve history training-manual-[0-9a-f]{32}'", output);
    }

    [Theory]
    [InlineData("params", "get", "No-Such-Parameter")]
    [InlineData("params", "set", "Minimum-F1-Score")]
    [InlineData("executions", "--workflow", "nonsense")]
    [InlineData("outbox", "--last", "0")]
    [InlineData("history", "no-such-execution")]
    [InlineData("up", "--speed", "-3")]
    [InlineData("frobnicate")]
    public async Task A_bad_command_line_gets_a_clear_error_and_exit_code_2(params string[] args)
    {
        var (code, output) = await CliRun.RunAsync(folder.Path, args);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("error:", output);
    }

    [Fact]
    public async Task Upload_of_a_missing_file_uploads_nothing()
    {
        var real = Path.Combine(folder.Path, "real.png");
        await File.WriteAllBytesAsync(real, Png);

        var (code, output) = await CliRun.RunAsync(folder.Path, "upload", real, Path.Combine(folder.Path, "missing.png"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("missing.png", output);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "buckets", TwinOptions.DefaultBucket, "images_for_detection")));
    }

    [Fact]
    public async Task Upload_without_a_serving_model_keeps_the_image_pending_and_the_execution_shows_in_executions_and_history()
    {
        var image = Path.Combine(folder.Path, "shoe 1.png");
        await File.WriteAllBytesAsync(image, Png);

        var (code, output) = await CliRun.RunAsync(folder.Path, "upload", image);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains($"not detected: see {BucketLayout.Pending}", output);
        var (_, executions) = await CliRun.RunAsync(folder.Path, "executions");
        Assert.Contains("detection", executions);
        var name = System.Text.RegularExpressions.Regex.Match(executions, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").Value;
        var (historyCode, history) = await CliRun.RunAsync(folder.Path, "history", name);
        Assert.Equal(ExitCodes.Ok, historyCode);
        var document = JsonNode.Parse(history)!;
        Assert.Equal("SUCCEEDED", (string?)document["status"]);
        // S3 form-encodes keys in its events: a space arrives as "+".
        Assert.Contains("images_for_detection/shoe+1.png", (string?)document["input"]);
    }

    [Fact]
    public async Task Status_says_no_model_serves_yet_on_a_new_twin()
    {
        var (code, output) = await CliRun.RunAsync(folder.Path, "status");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("no model serves yet", output);
        Assert.Contains("open human loops", output);
    }
}
