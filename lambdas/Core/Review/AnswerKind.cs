namespace ContinuousImprovement.Core.Review;

/// <summary>Which kind of label element a worker's answer came from.</summary>
public enum AnswerKind
{
    /// <summary>No element with a <c>label</c> or <c>labels</c> (e.g. a transcription task, a free-text form).</summary>
    NoLabel,

    /// <summary>An element with a string <c>label</c>, as crowd-image-classifier writes.</summary>
    SingleLabel,

    /// <summary>An element with a string array <c>labels</c>, as crowd-image-classifier-multi-select writes.</summary>
    MultiLabel,
}
