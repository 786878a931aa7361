using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using ContinuousImprovement.Aws.Protocols;

namespace ContinuousImprovement.Aws.Signing;

/// <summary>
/// Signs with AWSSDK.Core's public standalone SigV4 signer (<see cref="AWSSigV4Signer"/>). Besides the protocol headers
/// and host it signs x-amz-content-sha256, which botocore leaves out; AWS accepts any superset of the required signed
/// headers, so both signatures are valid (the tests prove ours equals botocore's canonical request plus that one header).
/// </summary>
public static class AwsRequestSigner
{
    /// <summary>Returns the headers to add: Authorization, X-Amz-Date, X-Amz-Content-SHA256 and, with a session token, X-Amz-Security-Token.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> SignAsync(
        AwsHttpRequest request, Uri endpoint, string region, string signingName, AWSCredentials credentials, DateTime signedAtUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var signing = new AWSSigningRequest
        {
            HttpMethod = new HttpMethod(request.Method),
            RequestUri = RequestUri(endpoint, request),
            Content = request.Body.ToArray(),
        };
        foreach (var (name, value) in request.Headers)
        {
            signing.Headers[name] = value;
        }
        var parameters = new AWSSigV4Parameters
        {
            Credentials = credentials,
            Region = RegionEndpoint.GetBySystemName(region),
            Service = signingName,
            SignedAt = DateTime.SpecifyKind(signedAtUtc, DateTimeKind.Utc),
        };
        var result = await AWSSigV4Signer.SignAsync(signing, parameters, cancellationToken).ConfigureAwait(false);
        return new Dictionary<string, string>(result.Headers, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The endpoint (scheme, host, optional base path) joined with the request's encoded path and query.</summary>
    public static Uri RequestUri(Uri endpoint, AwsHttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(request);
        var basePath = endpoint.AbsolutePath.TrimEnd('/');
        return new Uri($"{endpoint.Scheme}://{endpoint.Authority}{basePath}{request.PathAndQuery}");
    }
}
