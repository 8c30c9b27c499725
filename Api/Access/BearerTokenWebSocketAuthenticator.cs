using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OurSociety.Federation.Api.Transport;

namespace OurSociety.Federation.Api.Access;

/// <summary>
/// Who is on a GraphQL WebSocket connection. Browsers cannot put headers on a WebSocket upgrade, so they send the bearer
/// token in the <c>connection_init</c> payload: <c>{"Authorization": "Bearer &lt;token&gt;"}</c> (the key in any case),
/// or <c>{"token": "&lt;token&gt;"}</c>. Such a token is checked by the registered JwtBearer handler itself, with the
/// same validation parameters, token cache and claim mapping as a request's header; one that does not check out
/// rejects the connection (4403) with the reason HTTP would give in its 401. Without a token in the payload the
/// connection runs as the upgrade request's caller: signed in by its Authorization header (a bad header was already
/// refused with 401 before the upgrade, by <see cref="BearerTokenPolicy"/>) or anonymous.
/// </summary>
internal sealed class BearerTokenWebSocketAuthenticator(
    IServiceScopeFactory scopes, IOptions<HubAuthOptions> options, ILogger<BearerTokenWebSocketAuthenticator> logger)
    : IGraphQLWebSocketAuthenticator
{
    private const string BearerPrefix = "Bearer ";

    public async ValueTask<GraphQLWebSocketAuthentication> AuthenticateAsync(
        HttpContext context, IReadOnlyDictionary<string, object?>? payload, CancellationToken cancellationToken)
    {
        if (TokenIn(payload) is not { } value)
        {
            return GraphQLWebSocketAuthentication.Accept(context.User, ExpiryOf(context.User));
        }

        if (value.Token is not { } token)
        {
            return Reject("The Authorization value must be 'Bearer <token>'.", null);
        }

        // JwtBearer reads the token from a request's header, so it gets a request of its own carrying just that header,
        // in a scope of its own: a handler instance authenticates one request once and would return the upgrade's result.
        await using var scope = scopes.CreateAsyncScope();
        var probe = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        probe.Request.Headers.Authorization = BearerPrefix + token;
        var result = await probe.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (result.Succeeded)
        {
            return GraphQLWebSocketAuthentication.Accept(result.Principal, ExpiryOf(result.Principal));
        }

        var failure = result.Failure is AggregateException { InnerExceptions: [var first, ..] } ? first : result.Failure;
        if (failure is not null and not SecurityTokenException and not HubTokenRejectedException and not ArgumentException)
        {
            AccessLog.TokenNotChecked(logger, options.Value.Authority, failure);
        }

        return Reject(BearerTokenPolicy.MessageFor(failure), failure);
    }

    /// <summary>
    /// The payload's token: from <c>Authorization</c> (must be <c>Bearer &lt;token&gt;</c>) or <c>token</c> (the bare
    /// token, a <c>Bearer </c> prefix tolerated), keys in any case. Null when the payload names neither; a value with a
    /// null <see cref="PayloadToken.Token"/> when it names one but the value is not a usable token.
    /// </summary>
    internal static PayloadToken? TokenIn(IReadOnlyDictionary<string, object?>? payload)
    {
        foreach (var (key, value) in payload ?? new Dictionary<string, object?>())
        {
            var isAuthorization = key.Equals("authorization", StringComparison.OrdinalIgnoreCase);
            if (!isAuthorization && !key.Equals("token", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var text = (value as string)?.Trim();
            var hasPrefix = text?.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) == true;
            var token = hasPrefix ? text![BearerPrefix.Length..].Trim() : isAuthorization ? null : text;
            return new PayloadToken(string.IsNullOrEmpty(token) ? null : token);
        }

        return null;
    }

    /// <summary>When a signed-in caller's token expires (its <c>exp</c> claim); null for an anonymous caller.</summary>
    internal static DateTimeOffset? ExpiryOf(System.Security.Claims.ClaimsPrincipal user) =>
        user.FindFirst("exp")?.Value is { } exp && long.TryParse(exp, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private GraphQLWebSocketAuthentication Reject(string message, Exception? failure)
    {
        AccessLog.TokenRefused(logger, message, failure);
        return GraphQLWebSocketAuthentication.Reject(message);
    }

    internal sealed record PayloadToken(string? Token);
}
