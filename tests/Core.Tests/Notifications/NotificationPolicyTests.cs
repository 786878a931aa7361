using ContinuousImprovement.Core.Notifications;
using ContinuousImprovement.Core.Parameters;

namespace ContinuousImprovement.Core.Tests.Notifications;

public sealed class NotificationPolicyTests
{
    private static NotificationPolicy PolicyWith(params (string Name, string Value)[] overrides)
    {
        var raw = ParameterCatalog.Default.Parameters.ToDictionary(p => p.Name, p => (string?)p.Default);
        foreach (var (name, value) in overrides)
        {
            raw[name] = value;
        }

        return NotificationPolicy.From(ParameterResolver.Resolve(ParameterCatalog.Default, raw, new Dictionary<string, string>()));
    }

    [Theory]
    [InlineData("gate-failed", NotificationRoute.Immediately)]
    [InlineData("model-deployed", NotificationRoute.Immediately)]
    [InlineData("drift-detected", NotificationRoute.Immediately)]
    [InlineData("workflow-error", NotificationRoute.Immediately)]
    [InlineData("detection-completed", NotificationRoute.Digest)]
    [InlineData("review-started", NotificationRoute.Digest)]
    [InlineData("image-filed", NotificationRoute.Digest)]
    public void By_default_failures_and_deploys_are_mailed_at_once_and_per_image_events_digested(string kind, NotificationRoute route) =>
        Assert.Equal(route, PolicyWith().Route(kind));

    [Fact]
    public void Every_event_kind_has_a_route_by_default() =>
        Assert.All(ParameterCatalog.Default.EventKinds, k => Assert.NotEqual(NotificationRoute.LogOnly, PolicyWith().Route(k.Name)));

    [Fact]
    public void A_kind_in_neither_list_is_only_logged() =>
        Assert.Equal(NotificationRoute.LogOnly, PolicyWith(("Notify-In-Digest", "image-filed")).Route("review-started"));

    [Fact]
    public void A_kind_in_both_lists_is_mailed_at_once() =>
        Assert.Equal(NotificationRoute.Immediately, PolicyWith(("Notify-In-Digest", "gate-failed")).Route("gate-failed"));

    [Fact]
    public void The_digest_period_comes_from_its_parameter() =>
        Assert.Equal(TimeSpan.FromHours(2), PolicyWith(("Notification-Digest-Frequency", "120")).DigestEvery);
}
