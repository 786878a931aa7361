using System.Globalization;
using ContinuousImprovement.Asl.Json;
using ContinuousImprovement.Asl.Tasks;
using ContinuousImprovement.Core.Ports;
using ContinuousImprovement.Core.Text;

namespace ContinuousImprovement.Local.Twin.Integrations;

/// <summary>
/// <c>aws-sdk:ssm:getParameter</c> and <c>aws-sdk:ssm:putParameter</c> on the twin's parameter store port, with
/// SSM's request and response shapes and error names (<c>Ssm.ParameterNotFoundException</c>,
/// <c>Ssm.ParameterAlreadyExistsException</c>), so a definition that reads or writes Parameter Store directly runs
/// in the twin. A write goes through the port the twin gives workflows, so it raises its change event as on AWS.
/// </summary>
public sealed class ParameterStoreSdk(IParameterStore parameters, string region = "us-east-1", string account = "123456789012")
{
    private static readonly HashSet<string> PutFields = new(StringComparer.Ordinal) { "Name", "Value", "Overwrite", "Type", "Tier", "Description", "DataType" };

    /// <summary>Registers both actions.</summary>
    public TaskRegistry AddTo(TaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddAwsSdk("ssm", "getParameter", GetParameterAsync)
            .AddAwsSdk("ssm", "putParameter", PutParameterAsync);
    }

    private async ValueTask<JsonValue> GetParameterAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var name = RequiredString(request, "Name");
        var stored = await Call(() => parameters.GetAsync(name, cancellationToken)).ConfigureAwait(false)
            ?? throw new AwsSdkException("ParameterNotFound", $"Parameter {Printable.Quote(name, maxChars: 200)} not found.");
        return new JsonObject.Builder(1)
            .Set("Parameter", new JsonObject.Builder(6)
                .Set("ARN", JsonValue.From(Arn(stored.Name)))
                .Set("DataType", JsonValue.From("text"))
                .Set("Name", JsonValue.From(stored.Name))
                .Set("Type", JsonValue.From("String"))
                .Set("Value", JsonValue.From(stored.Value))
                .Set("Version", JsonValue.From(stored.Version))
                .Build())
            .Build();
    }

    private async ValueTask<JsonValue> PutParameterAsync(JsonObject request, CancellationToken cancellationToken)
    {
        if (request.Select(m => m.Key).FirstOrDefault(k => !PutFields.Contains(k)) is { } unknown)
        {
            throw new AwsSdkException("Validation", $"PutParameter field {Printable.Quote(unknown, maxChars: 80)} is not supported by the twin's parameter store.");
        }

        var name = RequiredString(request, "Name");
        var value = RequiredString(request, "Value");
        var overwrite = request["Overwrite"] switch
        {
            null => false,
            JsonBoolean b => b.Value,
            var other => throw new AwsSdkException("Validation", $"Overwrite must be true or false, not {Printable.Quote(other.ToJson(), maxChars: 80)}."),
        };
        var version = overwrite
            ? await Call(() => parameters.PutAsync(name, value, cancellationToken)).ConfigureAwait(false)
            : (await Call(() => parameters.PutAfterAsync(name, value, 0, cancellationToken)).ConfigureAwait(false)).Version;
        return new JsonObject.Builder(2)
            .Set("Tier", JsonValue.From("Standard"))
            .Set("Version", JsonValue.From(version))
            .Build();
    }

    private string Arn(string name) =>
        string.Create(CultureInfo.InvariantCulture, $"arn:aws:ssm:{region}:{account}:parameter{(name.StartsWith('/') ? "" : "/")}{name}");

    private static string RequiredString(JsonObject request, string field) =>
        request[field] is JsonString { Value.Length: > 0 } text
            ? text.Value
            : throw new AwsSdkException("Validation", $"The request needs {field} as a non-empty string; it has {Printable.Quote(request[field]?.ToJson() ?? "nothing", maxChars: 80)}.");

    private static async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (PortException e)
        {
            var code = e.Failure switch
            {
                PortFailure.NotFound => "ParameterNotFound",
                PortFailure.Conflict => "ParameterAlreadyExists",
                PortFailure.Throttled => "Throttling",
                PortFailure.Invalid => "Validation",
                PortFailure.AccessDenied => "AccessDenied",
                _ => "InternalServerError",
            };
            throw new AwsSdkException(code, e.Message);
        }
    }
}
