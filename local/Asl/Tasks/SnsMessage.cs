namespace ContinuousImprovement.Asl.Tasks;

/// <summary>
/// A message a state published with <c>arn:aws:states:::sns:publish</c>: the topic, the message text (a JSON
/// value given as Message is passed on as its JSON text, as Step Functions does), the optional subject and
/// attributes, and the MessageId the task returned for it.
/// </summary>
public sealed record SnsMessage(string TopicArn, string Message, string? Subject, IReadOnlyDictionary<string, SnsAttributeValue> MessageAttributes, string MessageId);
