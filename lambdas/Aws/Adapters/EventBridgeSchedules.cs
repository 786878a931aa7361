using System.Globalization;
using ContinuousImprovement.Aws.Errors;
using ContinuousImprovement.Aws.EventBridge;
using ContinuousImprovement.Core.Ports;

namespace ContinuousImprovement.Aws.Adapters;

/// <summary>
/// <see cref="ISchedules"/> on EventBridge rules, one rule per schedule name (the rules and their targets are deployed
/// by the infrastructure; this only re-times and switches them). Re-timing is PutRule with <c>rate(N minutes)</c> and
/// the wanted state, which keeps the rule's targets.
/// </summary>
public sealed class EventBridgeSchedules(EventBridgeClient client, string rulePrefix = "") : ISchedules
{
    public async Task<ScheduleSetting?> GetAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        try
        {
            var rule = await client.DescribeRuleAsync(new DescribeRuleRequest(RuleName(name)), cancellationToken).ConfigureAwait(false);
            var every = Every(rule.ScheduleExpression);
            return every is null ? null : new ScheduleSetting(name, string.Equals(rule.State, "ENABLED", StringComparison.Ordinal), every.Value);
        }
        catch (AwsServiceException e) when (e.Error.Kind == AwsErrorKind.ResourceNotFound)
        {
            return null;
        }
        catch (Exception e) when (PortFailures.From($"describe schedule {name}", e, cancellationToken) is { } port && !ReferenceEquals(port, e))
        {
            throw port;
        }
    }

    public Task ApplyAsync(ScheduleSetting setting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setting);
        var request = new PutRuleRequest(RuleName(setting.Name), ScheduleExpression: Rate(setting.Every), State: setting.Enabled ? "ENABLED" : "DISABLED");
        return PortFailures.Guard($"apply schedule {setting.Name}", () => client.PutRuleAsync(request, cancellationToken), cancellationToken);
    }

    private string RuleName(string name) => rulePrefix + name;

    /// <summary>EventBridge's rate expression in whole minutes (at least 1): 90 s → <c>rate(2 minutes)</c>, 1 min → <c>rate(1 minute)</c>.</summary>
    internal static string Rate(TimeSpan every)
    {
        var minutes = Math.Max(1, (long)Math.Ceiling(every.TotalMinutes));
        return minutes == 1 ? "rate(1 minute)" : $"rate({minutes.ToString(CultureInfo.InvariantCulture)} minutes)";
    }

    /// <summary>The period of a rate expression (minutes, hours or days); null for cron or anything else.</summary>
    internal static TimeSpan? Every(string? expression)
    {
        if (expression is null || !expression.StartsWith("rate(", StringComparison.Ordinal) || !expression.EndsWith(')'))
        {
            return null;
        }

        var parts = expression[5..^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return null;
        }

        return parts[1] switch
        {
            "minute" or "minutes" => TimeSpan.FromMinutes(n),
            "hour" or "hours" => TimeSpan.FromHours(n),
            "day" or "days" => TimeSpan.FromDays(n),
            _ => null,
        };
    }
}
