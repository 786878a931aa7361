namespace ContinuousImprovement.Host.Observability;

/// <summary>The application log levels of Lambda's advanced logging controls, lowest first.</summary>
public enum LogLevel
{
    Trace,
    Debug,
    Info,
    Warn,
    Error,
    Fatal,
}
