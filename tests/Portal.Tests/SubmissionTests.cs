using System.Net;
using System.Text;
using System.Text.Json;

using ContinuousImprovement.Core.Review;

namespace ContinuousImprovement.Local.Portal.Tests;

public sealed class SubmissionTests : IAsyncLifetime
{
    private const string PickDog = """{"crowd-image-classifier":{"label":"dog"}}""";
    private PortalHarness harness = null!;

    public async Task InitializeAsync()
    {
        harness = await PortalHarness.StartAsync();
        await harness.SignInAsync();
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task A_submission_writes_an_a2i_shaped_output_at_the_a2i_key_that_core_reads_as_the_picked_label()
    {
        var loop = await harness.OpenLoopAsync("cat 1.png", ["cat", "dog"], reasons: "below-threshold: top confidence 41.7 < 70 (cat)");
        (await harness.Client.GetAsync("/loops/" + loop)).Dispose();
        harness.Time.Advance(TimeSpan.FromSeconds(21.5));

        using var response = await harness.SubmitAsync(loop, PickDog);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (key, json) = Assert.Single(await harness.OutputsAsync());
        Assert.Equal($"review_output/ci-review/2026/06/01/09/30/36/{loop}/output.json", key);
        using (var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()))
        {
            Assert.Equal(($"s3://photos/{key}", true), (body.RootElement.GetProperty("outputUri").GetString(), body.RootElement.GetProperty("published").GetBoolean()));
        }


        var parsed = ReviewOutputParser.Parse(json);
        Assert.True(parsed.Succeeded, parsed.Error);
        Assert.Equal(["dog"], Assert.Single(parsed.Value.Answers).Labels);
        Assert.Equal((loop, "s3://photos/images_for_detection/cat 1.png"), (parsed.Value.HumanLoopName, parsed.Value.TaskObject!.Uri));
        var consolidated = ReviewConsolidation.Consolidate(parsed.Value);
        Assert.Equal(new ConsolidationOutcome.Labeled("dog"), consolidated.Outcome);

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(["flowDefinitionArn", "humanAnswers", "humanLoopName", "inputContent"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("arn:aws:sagemaker:local:000000000000:flow-definition/ci-review", root.GetProperty("flowDefinitionArn").GetString());
        var answer = Assert.Single(root.GetProperty("humanAnswers").EnumerateArray().ToList());
        Assert.Equal(["acceptanceTime", "answerContent", "submissionTime", "timeSpentInSeconds", "workerId"], answer.EnumerateObject().Select(p => p.Name));
        Assert.Equal(PickDog, answer.GetProperty("answerContent").GetRawText());
        Assert.Equal("2026-06-01T09:30:15.000Z", answer.GetProperty("acceptanceTime").GetString());
        Assert.Equal("2026-06-01T09:30:36.500Z", answer.GetProperty("submissionTime").GetString());
        Assert.Equal(21.5, answer.GetProperty("timeSpentInSeconds").GetDouble());
        Assert.Equal("local-reviewer", answer.GetProperty("workerId").GetString());
        Assert.Equal(harness.Reviews.FindCompletedLoop(loop)!.Loop.InputContent, root.GetProperty("inputContent").GetRawText());
    }

    [Fact]
    public async Task After_a_submission_the_loop_is_completed_and_no_longer_listed()
    {
        var loop = await harness.OpenLoopAsync("cat.png", ["cat", "dog"]);

        (await harness.SubmitAsync(loop, PickDog)).Dispose();

        Assert.Equal(HumanLoopStatus.Completed, await harness.Reviews.StatusAsync(loop, default));
        Assert.NotNull(harness.Reviews.FindCompletedLoop(loop)!.PublishedAt);
        Assert.DoesNotContain(loop, await harness.Client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_submission_is_refused_with_409_and_the_first_answer_stands()
    {
        var loop = await harness.OpenLoopAsync("cat.png", ["cat", "dog"]);
        (await harness.SubmitAsync(loop, PickDog)).Dispose();
        harness.Time.Advance(TimeSpan.FromSeconds(5));

        using var again = await harness.SubmitAsync(loop, """{"crowd-image-classifier":{"label":"cat"}}""");

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("is not open: it was answered at 2026-06-01 09:30:15 UTC", await MessageAsync(again), StringComparison.Ordinal);
        var (_, json) = Assert.Single(await harness.OutputsAsync());
        Assert.Equal(["dog"], Assert.Single(ReviewOutputParser.Parse(json).Value!.Answers).Labels);
    }

    [Fact]
    public async Task Of_concurrent_submissions_for_one_loop_exactly_one_is_accepted_and_one_output_written()
    {
        var loop = await harness.OpenLoopAsync("cat.png", ["cat", "dog"]);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => harness.SubmitAsync(loop, i % 2 == 0 ? PickDog : """{"crowd-image-classifier":{"label":"cat"}}""")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Single(await harness.OutputsAsync());
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Theory]
    [InlineData("never-started")]
    [InlineData("Not..A-Loop")]
    public async Task A_submission_for_a_loop_that_does_not_exist_is_not_found(string name)
    {
        using var response = await harness.SubmitAsync(Uri.EscapeDataString(name), PickDog);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("There is no human loop named", await MessageAsync(response), StringComparison.Ordinal);
        Assert.Empty(await harness.OutputsAsync());
    }

    [Theory]
    [InlineData("""{"crowd-image-classifier":{"label":"horse"}}""", "Label \"horse\" is not one of the labels offered: \"cat\", \"dog\".")]
    [InlineData("""{"crowd-image-classifier":{"label":"Dog"}}""", "Label \"Dog\" is not one of the labels offered")]
    [InlineData("""{"crowd-image-classifier":{"labels":["dog","fox"]}}""", "Label \"fox\" is not one of the labels offered")]
    [InlineData("""{"comment":"no idea"}""", "The answer picks no label")]
    [InlineData("""{"a":{"label":"cat"},"b":{"label":"dog"}}""", "more than one label answer")]
    [InlineData("""{"crowd-image-classifier":{"label":7}}""", "label must be a string")]
    public async Task An_answer_that_does_not_pick_one_offered_label_is_refused_with_400_and_the_loop_stays_open(string answerContent, string expected)
    {
        var loop = await harness.OpenLoopAsync("cat.png", ["cat", "dog"]);

        using var response = await harness.SubmitAsync(loop, answerContent);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await MessageAsync(response), StringComparison.Ordinal);
        Assert.NotNull(harness.Reviews.FindOpenLoop(loop));
        Assert.Empty(await harness.OutputsAsync());
    }

    [Theory]
    [InlineData("text/plain", """{"answerContent":{}}""", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/json", "{not json", HttpStatusCode.BadRequest)]
    [InlineData("application/json", """{"answerContent":"dog"}""", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "[]", HttpStatusCode.BadRequest)]
    public async Task A_body_that_is_not_a_json_answer_is_refused(string contentType, string body, HttpStatusCode expected)
    {
        var loop = await harness.OpenLoopAsync("cat.png", ["cat", "dog"]);

        using var response = await harness.Client.PostAsync("/loops/" + loop, new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(expected, response.StatusCode);
        Assert.NotNull(harness.Reviews.FindOpenLoop(loop));
    }

    [Fact]
    public async Task A_body_over_64_KiB_is_refused_with_413()
    {
        var loop = await harness.OpenLoopAsync("cat.png", ["cat", "dog"]);
        var padding = new string('x', ReviewPortal.MaxSubmissionBytes);

        using var response = await harness.SubmitAsync(loop, $$"""{"crowd-image-classifier":{"label":"dog"},"note":"{{padding}}"}""");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.NotNull(harness.Reviews.FindOpenLoop(loop));
    }

    [Fact]
    public async Task A_submission_from_another_origin_is_forbidden()
    {
        var loop = await harness.OpenLoopAsync("cat.png", ["cat", "dog"]);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/loops/" + loop)
        {
            Content = new StringContent($$"""{"answerContent":{{PickDog}}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", "https://attacker.example");

        using var response = await harness.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotNull(harness.Reviews.FindOpenLoop(loop));
    }

    [Fact]
    public async Task An_output_that_cannot_be_written_keeps_the_answer_and_is_written_when_the_list_is_next_shown()
    {
        var loop = await harness.OpenLoopAsync("cat.png", ["cat", "dog"]);
        harness.Objects.FailWrites = true;

        using var response = await harness.SubmitAsync(loop, PickDog);
        var failedList = await harness.Client.GetStringAsync("/");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains("No space left on device", await MessageAsync(response), StringComparison.Ordinal);
        Assert.Empty(await harness.OutputsAsync());
        Assert.Equal(HumanLoopStatus.Completed, await harness.Reviews.StatusAsync(loop, default));
        Assert.Contains("could not be written to the bucket yet", failedList, StringComparison.Ordinal);

        harness.Objects.FailWrites = false;
        var list = await harness.Client.GetStringAsync("/");

        var (key, json) = Assert.Single(await harness.OutputsAsync());
        Assert.EndsWith($"/{loop}/output.json", key, StringComparison.Ordinal);
        Assert.Equal(["dog"], Assert.Single(ReviewOutputParser.Parse(json).Value!.Answers).Labels);
        Assert.DoesNotContain("could not be written", list, StringComparison.Ordinal);
        Assert.Empty(harness.Reviews.UnpublishedLoops());
    }

    private static async Task<string> MessageAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("message").GetString()!;
    }
}
