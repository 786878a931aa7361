namespace ContinuousImprovement.Core.Parameters;

/// <summary>A kind of event subscribers can hear about; the notification policy parameters list these names.</summary>
public sealed record EventKind(string Name, string Description);
