using System.Text.Json;

namespace ContinuousImprovement.Aws.Endpoints;

/// <summary>
/// Evaluates a Smithy endpoint rule set (endpoint-rule-set-1.json) as the AWS SDKs do: rules are tried in order, a rule
/// whose conditions all hold yields its endpoint or error, a tree rule descends and must then match. For example
/// Region=us-gov-west-1, UseFIPS=true gives https://rekognition-fips.us-gov-west-1.amazonaws.com for Rekognition.
/// </summary>
public sealed class EndpointRuleSet
{
    private readonly JsonElement _root;

    private EndpointRuleSet(JsonElement root) => _root = root;

    public static EndpointRuleSet Parse(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        using var document = JsonDocument.ParseValue(ref reader);
        return new EndpointRuleSet(document.RootElement.Clone());
    }

    public ResolvedEndpoint Resolve(EndpointParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var scope = Defaults();
        Set(scope, "Region", parameters.Region);
        Set(scope, "UseFIPS", parameters.UseFips);
        Set(scope, "UseDualStack", parameters.UseDualStack);
        Set(scope, "Endpoint", parameters.Endpoint);
        return EvaluateRules(_root.GetProperty("rules"), scope)
            ?? throw new EndpointResolutionException("No endpoint rule matched the parameters.");
    }

    private Dictionary<string, object?> Defaults()
    {
        var scope = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var parameter in _root.GetProperty("parameters").EnumerateObject())
        {
            scope[parameter.Name] = parameter.Value.TryGetProperty("default", out var value) ? EndpointExpressions.Literal(value) : null;
        }
        return scope;
    }

    private static void Set(Dictionary<string, object?> scope, string name, object? value)
    {
        if (scope.ContainsKey(name) && value is not null)
        {
            scope[name] = value;
        }
    }

    private static ResolvedEndpoint? EvaluateRules(JsonElement rules, Dictionary<string, object?> scope)
    {
        foreach (var rule in rules.EnumerateArray())
        {
            var local = new Dictionary<string, object?>(scope, StringComparer.Ordinal);
            if (!ConditionsHold(rule, local))
            {
                continue;
            }
            switch (rule.GetProperty("type").GetString())
            {
                case "endpoint":
                    return Endpoint(rule.GetProperty("endpoint"), local);
                case "error":
                    throw new EndpointResolutionException(EndpointExpressions.Evaluate(rule.GetProperty("error"), local) as string ?? "Endpoint resolution failed.");
                case "tree":
                    // A tree whose conditions hold is terminal: one of its rules must match.
                    return EvaluateRules(rule.GetProperty("rules"), local)
                        ?? throw new EndpointResolutionException("No endpoint rule matched inside a matching tree rule.");
                default:
                    throw new FormatException($"Unknown endpoint rule type '{rule.GetProperty("type").GetString()}'.");
            }
        }
        return null;
    }

    private static bool ConditionsHold(JsonElement rule, Dictionary<string, object?> scope)
    {
        if (!rule.TryGetProperty("conditions", out var conditions))
        {
            return true;
        }
        foreach (var condition in conditions.EnumerateArray())
        {
            var value = EndpointExpressions.Evaluate(condition, scope);
            if (value is null or false)
            {
                return false;
            }
            if (condition.TryGetProperty("assign", out var assign))
            {
                scope[assign.GetString()!] = value;
            }
        }
        return true;
    }

    private static ResolvedEndpoint Endpoint(JsonElement endpoint, Dictionary<string, object?> scope)
    {
        var url = EndpointExpressions.Evaluate(endpoint.GetProperty("url"), scope) as string
            ?? throw new EndpointResolutionException("The endpoint rule produced no URL.");
        string? signingRegion = null;
        string? signingName = null;
        if (endpoint.TryGetProperty("properties", out var properties)
            && properties.TryGetProperty("authSchemes", out var schemes)
            && schemes.GetArrayLength() > 0)
        {
            var scheme = schemes[0];
            if (scheme.TryGetProperty("name", out var name) && name.GetString() != "sigv4")
            {
                throw new EndpointResolutionException($"The endpoint needs the {name.GetString()} auth scheme, which these clients do not sign.");
            }
            signingRegion = scheme.TryGetProperty("signingRegion", out var region) ? EndpointExpressions.Evaluate(region, scope) as string : null;
            signingName = scheme.TryGetProperty("signingName", out var service) ? EndpointExpressions.Evaluate(service, scope) as string : null;
        }
        return new ResolvedEndpoint(new Uri(url), signingRegion, signingName);
    }
}
