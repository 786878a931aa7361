namespace ContinuousImprovement.Handlers.Detection;

/// <summary>
/// The settings this image is handled with: the serving model version (null: none serves), the operator values
/// in force (see <see cref="Settings.SettingsSnapshot"/>), and the operator's bad values that were replaced.
/// </summary>
public sealed record SettingsLoaded(string? ServingVersionArn, IReadOnlyDictionary<string, string> Values, IReadOnlyList<string> Problems);
