using System.Security.Cryptography;
using System.Text;

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace ContinuousImprovement.Local.Portal;

/// <summary>
/// Only the holder of the portal's token gets in. The link the CLI prints carries it once in the query string;
/// the portal answers with an HttpOnly, SameSite=Strict cookie and redirects to the same page without it, so
/// the token does not stay in the address bar, history or Referer. Scripts may send
/// <c>Authorization: Bearer &lt;token&gt;</c> instead. No token: 401; a wrong one: 403.
/// </summary>
internal sealed class PortalAccess(string token)
{
    public const string QueryName = "token";

    // Browsers keep cookies per host, not per port: two portals on 127.0.0.1 must not overwrite each other's.
    private readonly string cookieName = "ci-portal-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..12];
    private readonly byte[] expected = Encoding.UTF8.GetBytes(token);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (request.Query.TryGetValue(QueryName, out var fromQuery))
        {
            if (!Matches(fromQuery))
            {
                await DenyAsync(context, StatusCodes.Status403Forbidden, "The token in this link is not this portal's token. Use the link the CLI printed when it started the portal.").ConfigureAwait(false);
                return;
            }

            context.Response.Cookies.Append(cookieName, token, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Path = "/",
                IsEssential = true,
            });
            if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            {
                var rest = QueryString.Create(request.Query.Where(q => q.Key != QueryName));
                context.Response.StatusCode = StatusCodes.Status303SeeOther;
                context.Response.Headers.Location = request.PathBase + request.Path + rest;
                return;
            }

            await next(context).ConfigureAwait(false);
            return;
        }

        var authorization = request.Headers.Authorization.ToString();
        StringValues presented = authorization.StartsWith("Bearer ", StringComparison.Ordinal)
            ? authorization["Bearer ".Length..]
            : request.Cookies.TryGetValue(cookieName, out var cookie) ? cookie : StringValues.Empty;
        if (StringValues.IsNullOrEmpty(presented))
        {
            await DenyAsync(context, StatusCodes.Status401Unauthorized, "This review portal needs its token. Open the link the CLI printed (it ends in ?token=...).").ConfigureAwait(false);
            return;
        }

        if (!Matches(presented))
        {
            await DenyAsync(context, StatusCodes.Status403Forbidden, "The token presented is not this portal's token (a portal restarted gets a new one). Open the link the CLI printed.").ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    private bool Matches(StringValues presented) =>
        presented.Count == 1 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented[0] ?? ""), expected);

    private static Task DenyAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"review portal\"";
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message + "\n");
    }
}
