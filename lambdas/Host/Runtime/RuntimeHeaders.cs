namespace ContinuousImprovement.Host.Runtime;

/// <summary>Header names of the Runtime API (2018-06-01).</summary>
public static class RuntimeHeaders
{
    public const string RequestId = "Lambda-Runtime-Aws-Request-Id";
    public const string Deadline = "Lambda-Runtime-Deadline-Ms";
    public const string InvokedFunctionArn = "Lambda-Runtime-Invoked-Function-Arn";
    public const string TraceId = "Lambda-Runtime-Trace-Id";
    public const string ClientContext = "Lambda-Runtime-Client-Context";
    public const string CognitoIdentity = "Lambda-Runtime-Cognito-Identity";
    public const string FunctionErrorType = "Lambda-Runtime-Function-Error-Type";

    /// <summary>The environment variable AWS runtimes copy the trace header into, where X-Ray SDKs look.</summary>
    public const string TraceEnvironmentVariable = "_X_AMZN_TRACE_ID";
}
