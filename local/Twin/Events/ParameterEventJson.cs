namespace ContinuousImprovement.Local.Twin.Events;

/// <summary>The EventBridge "Parameter Store Change" event SSM sends when a parameter is created or updated.</summary>
public static class ParameterEventJson
{
    public static string Changed(string name, long version, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TwinEventJson.Write("Parameter Store Change", "aws.ssm", at, [$"arn:aws:ssm:{TwinEventJson.Region}:{TwinEventJson.Account}:parameter/{name.TrimStart('/')}"], detail =>
        {
            detail.WriteString("operation", version == 1 ? "Create" : "Update");
            detail.WriteString("name", name);
            detail.WriteString("type", "String");
        });
    }
}
