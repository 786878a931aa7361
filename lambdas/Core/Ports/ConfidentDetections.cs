namespace ContinuousImprovement.Core.Ports;

/// <summary>One window of the log read by <see cref="IInferenceLog.ConfidentDetectionsAsync"/>.</summary>
/// <param name="Detections">The confident detections of the window, in sequence order.</param>
/// <param name="ExaminedThrough">
/// Every sequence number up to this one was examined: what is not in <paramref name="Detections"/> is not a confident
/// detection, or a number taken by a write that never finished. The cursor given when nothing was examined.
/// </param>
/// <param name="More">The window ended at the limit, so settled predictions may follow; false when it reached the end of the log or a prediction too recent to read.</param>
public sealed record ConfidentDetections(IReadOnlyList<LoggedInference> Detections, long ExaminedThrough, bool More);
