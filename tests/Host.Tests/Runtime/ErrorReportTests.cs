using System.Text.Json;
using ContinuousImprovement.Host.Runtime;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ContinuousImprovement.Host.Tests.Runtime;

public sealed class ErrorReportTests
{
    [Property(MaxTest = 300)]
    public Property Any_error_type_message_and_stack_survive_the_JSON_body_unchanged(NonNull<string> type, NonNull<string> message, NonNull<string>[] frames)
    {
        var report = new ErrorReport(type.Get, message.Get, [.. frames.Select(f => f.Get)]);

        var json = JsonDocument.Parse(report.ToJson()).RootElement;

        return (json.GetProperty("errorType").GetString() == type.Get
            && json.GetProperty("errorMessage").GetString() == message.Get
            && json.GetProperty("stackTrace").EnumerateArray().Select(f => f.GetString()).SequenceEqual(frames.Select(f => f.Get))
            && !json.TryGetProperty("cause", out _)).ToProperty();
    }

    [Fact]
    public void The_body_has_exactly_the_fields_of_Lambdas_error_shape_in_order()
    {
        var body = new ErrorReport("Oops", "it broke <here>", ["at A.B()", "at C.D()"]).ToJson();

        Assert.Equal("""{"errorMessage":"it broke <here>","errorType":"Oops","stackTrace":["at A.B()","at C.D()"]}""", System.Text.Encoding.UTF8.GetString(body));
    }

    [Fact]
    public void A_thrown_exception_reports_its_type_name_message_and_frames()
    {
        ErrorReport report;
        try
        {
            Throw();
            return;
        }
        catch (FormatException e)
        {
            report = ErrorReport.From(e);
        }

        Assert.Equal("FormatException", report.ErrorType);
        Assert.Equal("bad digits", report.ErrorMessage);
        Assert.Contains(report.StackTrace, f => f.StartsWith("at ", StringComparison.Ordinal) && f.Contains(nameof(Throw), StringComparison.Ordinal));
    }

    [Property]
    public Property A_quoted_event_has_no_control_characters_and_at_most_81_characters(byte[] payload) =>
        EventJson.Quote(payload).All(c => !char.IsControl(c)).And(EventJson.Quote(payload).Length <= 81);

    private static void Throw() => throw new FormatException("bad digits");
}
