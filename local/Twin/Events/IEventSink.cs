namespace ContinuousImprovement.Local.Twin.Events;

/// <summary>Where the twin's stores put the events AWS services would send to EventBridge.</summary>
public interface IEventSink
{
    void Publish(string eventJson);
}
