using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Xml;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using ContinuousImprovement.Aws.Endpoints;
using ContinuousImprovement.Aws.Errors;
using ContinuousImprovement.Aws.Protocols;
using ContinuousImprovement.Aws.Signing;

namespace ContinuousImprovement.Aws.Runtime;

/// <summary>
/// The generic client under every typed one: serialize by the service's protocol, resolve the endpoint, sign with
/// SigV4, send, retry transient failures, parse the answer or a typed error. Typed requests and responses go
/// through source-generated <see cref="JsonTypeInfo{T}"/>, so nothing here needs reflection (Native AOT).
/// </summary>
public sealed class AwsServiceClient : IDisposable
{
    private readonly AwsService _service;
    private readonly AwsClientOptions _options;
    private readonly IAwsProtocol _protocol;
    private readonly HttpClient _http;
    private readonly Lazy<ResolvedEndpoint> _endpoint;
    private AWSCredentials? _credentials;
    private long _clockOffsetTicks;

    public AwsServiceClient(AwsService service, AwsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        _service = service;
        _options = options;
        _protocol = AwsProtocols.For(service.Model, options.NewIdempotencyToken);
        _credentials = options.Credentials;
        _http = new HttpClient(options.Handler ?? DefaultHandler(), disposeHandler: options.Handler is null) { Timeout = options.AttemptTimeout };
        _endpoint = new Lazy<ResolvedEndpoint>(() => service.Endpoints.Resolve(
            new EndpointParameters(options.Region, options.UseFips, options.UseDualStack, options.Endpoint?.ToString())));
    }

    public AwsService Service => _service;

    /// <summary>How far AWS's clock is ahead of ours, learned from a clock-skew error; added to every signing time.</summary>
    public TimeSpan ClockOffset => TimeSpan.FromTicks(Interlocked.Read(ref _clockOffsetTicks));

    public async Task<TResponse> InvokeAsync<TRequest, TResponse>(
        string operation, TRequest request, JsonTypeInfo<TRequest> requestInfo, JsonTypeInfo<TResponse> responseInfo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestInfo);
        ArgumentNullException.ThrowIfNull(responseInfo);
        var (output, response) = await SendAsync(operation, JsonSerializer.SerializeToElement(request, requestInfo), cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(output.Span, responseInfo) ?? throw new JsonException("The response was the JSON literal null.");
        }
        catch (JsonException e)
        {
            // A member the model requires is missing or has the wrong type: the service sent something we cannot trust.
            throw new AwsServiceException(AwsErrors.Malformed(_service.Model.Metadata.ServiceId, operation, response, e, JsonErrorReader.RequestId(response)), e);
        }
    }

    /// <summary>
    /// The untyped call: parameters and result are JSON named by the model's members (blobs base64, timestamps ISO 8601),
    /// for callers that build requests from data, and for the tests that drive botocore's own inputs through the client.
    /// </summary>
    public async Task<JsonElement> InvokeAsync(string operation, JsonElement? input, CancellationToken cancellationToken = default)
    {
        var (output, _) = await SendAsync(operation, input, cancellationToken).ConfigureAwait(false);
        using var document = JsonDocument.Parse(output);
        return document.RootElement.Clone();
    }

    private async Task<(ReadOnlyMemory<byte> Output, AwsHttpResponse Response)> SendAsync(string operation, JsonElement? input, CancellationToken cancellationToken)
    {
        var model = _service.Model.Operation(operation);
        var httpRequest = _protocol.Serialize(model, input);
        var pipeline = AwsRetryPolicy.Pipeline(_options.Retry, _options.TimeProvider, cancellationToken);
        var response = await pipeline.ExecuteAsync(
            async token => await SendOnceAsync(httpRequest, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        try
        {
            var output = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(output))
            {
                _protocol.ReadOutput(writer, model, response);
            }
            return (output.WrittenMemory, response);
        }
        catch (Exception e) when (e is JsonException or FormatException or XmlException or InvalidOperationException or OverflowException)
        {
            throw new AwsServiceException(AwsErrors.Malformed(_service.Model.Metadata.ServiceId, operation, response, e, JsonErrorReader.RequestId(response)), e);
        }
    }

    /// <summary>One signed attempt; a failed response becomes an <see cref="AwsServiceException"/> for the retry policy to judge.</summary>
    private async Task<AwsHttpResponse> SendOnceAsync(AwsHttpRequest request, CancellationToken cancellationToken)
    {
        var endpoint = _endpoint.Value;
        var credentials = _credentials ??= await new DefaultAWSCredentialsIdentityResolver().ResolveIdentityAsync(null, cancellationToken).ConfigureAwait(false);
        var signedAt = (_options.TimeProvider.GetUtcNow() + ClockOffset).UtcDateTime;
        var metadata = _service.Model.Metadata;
        var signature = await AwsRequestSigner.SignAsync(
            request, endpoint.Url, endpoint.SigningRegion ?? _options.Region, endpoint.SigningName ?? metadata.SigningName, credentials, signedAt, cancellationToken).ConfigureAwait(false);

        using var message = new HttpRequestMessage(new HttpMethod(request.Method), AwsRequestSigner.RequestUri(endpoint.Url, request));
        if (!request.Body.IsEmpty || request.Method is "POST" or "PUT" or "PATCH")
        {
            message.Content = new ReadOnlyMemoryContent(request.Body);
        }
        foreach (var (name, value) in request.Headers.Concat(signature))
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content ??= new ReadOnlyMemoryContent(ReadOnlyMemory<byte>.Empty);
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }
        message.Headers.UserAgent.Add(new ProductInfoHeaderValue("ContinuousImprovement.Aws", "1.0"));

        using var received = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var body = await received.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var headers = received.Headers.Concat(received.Content.Headers)
            .SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v)));
        var response = AwsHttpResponse.Create((int)received.StatusCode, headers, body);
        if (response.IsSuccess)
        {
            return response;
        }
        var error = AwsErrors.FromResponse(metadata.ServiceId, _protocol.ReadError(response), response);
        if (error.Kind == AwsErrorKind.ClockSkew)
        {
            LearnClockOffset(response);
        }
        throw new AwsServiceException(error);
    }

    private void LearnClockOffset(AwsHttpResponse response)
    {
        if (response.Header("Date") is { } date
            && DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var serverNow))
        {
            var offset = serverNow - _options.TimeProvider.GetUtcNow();
            Interlocked.Exchange(ref _clockOffsetTicks, offset.Ticks);
        }
    }

    private static SocketsHttpHandler DefaultHandler() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        AutomaticDecompression = System.Net.DecompressionMethods.None,
    };

    public void Dispose() => _http.Dispose();
}
