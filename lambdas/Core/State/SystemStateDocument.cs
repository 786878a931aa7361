using System.Text.Json;
using System.Text.Json.Serialization;
using ContinuousImprovement.Core.Training;

namespace ContinuousImprovement.Core.State;

/// <summary>Reading and writing the system parameter's JSON, with its schema version checked first.</summary>
public static class SystemStateDocument
{
    public static string Serialize(SystemState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return JsonSerializer.Serialize(state, SystemStateJsonContext.Default.SystemState);
    }

    /// <summary>
    /// Parses the stored state. A document written by a newer build is refused rather than read partly:
    /// writing it back would silently drop what this build does not know.
    /// </summary>
    public static SystemStateRead Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("schemaVersion", out var version)
                || version.ValueKind != JsonValueKind.Number
                || !version.TryGetInt32(out var schemaVersion))
            {
                return SystemStateRead.Failed("The system parameter has no integer schemaVersion.");
            }

            if (schemaVersion > SystemState.CurrentSchemaVersion)
            {
                return SystemStateRead.Failed($"The system parameter has schemaVersion {schemaVersion}, written by a newer build; this build reads up to {SystemState.CurrentSchemaVersion}.");
            }

            if (schemaVersion < 1)
            {
                return SystemStateRead.Failed($"The system parameter has schemaVersion {schemaVersion}; versions start at 1.");
            }

            var state = document.RootElement.Deserialize(SystemStateJsonContext.Default.SystemState);
            return state is null
                ? SystemStateRead.Failed("The system parameter is null.")
                : new SystemStateRead(state, null);
        }
        catch (JsonException e)
        {
            return SystemStateRead.Failed($"The system parameter is not valid: {e.Message}");
        }
    }
}

/// <summary>The parsed state, or why it could not be read.</summary>
public sealed record SystemStateRead(SystemState? State, string? Error)
{
    public static SystemStateRead Failed(string error) => new(null, error);
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(SystemState))]
[JsonSerializable(typeof(LastTrainingAttempt))]
internal sealed partial class SystemStateJsonContext : JsonSerializerContext;
