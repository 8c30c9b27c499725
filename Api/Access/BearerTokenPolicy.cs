using GraphQL;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OurSociety.Federation.Api.Transport;

namespace OurSociety.Federation.Api.Access;

/// <summary>
/// Answers 401 for a bearer token that does not check out, before anything is executed, even for a public read:
/// a caller who sent a token expects to be treated as its subject, and quietly serving them as anonymous would
/// hide the problem. No token at all is fine here; grains decide what an anonymous caller may do, and an
/// executed result with an <see cref="AccessErrorCodes.Unauthenticated"/> error becomes a 401 as well.
/// </summary>
internal sealed class BearerTokenPolicy(IOptions<HubAuthOptions> options, ILogger<BearerTokenPolicy> logger) : IGraphQLHttpCallerPolicy
{
    private const string BearerPrefix = "Bearer ";

    public async ValueTask<GraphQLHttpRefusal?> CheckAsync(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization;
        if (authorization.Count == 0)
        {
            return null;
        }

        var header = authorization.ToString();
        if (authorization.Count > 1
            || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrWhiteSpace(header[BearerPrefix.Length..]))
        {
            return Refuse("The Authorization header must be 'Bearer <token>'.", null);
        }

        // Runs JwtBearer (or returns what UseAuthentication already got: a handler authenticates once per request).
        var result = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (result.Succeeded)
        {
            return null;
        }

        var failure = result.Failure is AggregateException { InnerExceptions: [var first, ..] } ? first : result.Failure;
        if (failure is not null and not SecurityTokenException and not HubTokenRejectedException and not ArgumentException)
        {
            // Not the token's fault (the provider's metadata could not be fetched, say): say so in the log, not to the client.
            AccessLog.TokenNotChecked(logger, options.Value.Authority, failure);
        }

        return Refuse(MessageFor(failure), failure);
    }

    public int StatusCodeFor(HttpContext context, ExecutionResult result, int statusCode)
    {
        if (result.Errors?.Any(error => error.Code == AccessErrorCodes.Unauthenticated) != true)
        {
            return statusCode;
        }

        context.Response.Headers.WWWAuthenticate = "Bearer";
        return StatusCodes.Status401Unauthorized;
    }

    /// <summary>A specific reason the client can act on; never the exception's own text, which may quote the token.</summary>
    internal static string MessageFor(Exception? failure) => failure switch
    {
        HubTokenRejectedException rejected => rejected.Message,
        SecurityTokenExpiredException => "The bearer token has expired.",
        SecurityTokenNotYetValidException => "The bearer token is not valid yet.",
        SecurityTokenNoExpirationException => "The bearer token has no expiry time.",
        SecurityTokenInvalidSignatureException => "The bearer token's signature is not valid.",
        SecurityTokenInvalidAlgorithmException => "The bearer token is signed with an algorithm the hub does not accept.",
        SecurityTokenInvalidIssuerException => "The bearer token was issued by another issuer.",
        SecurityTokenInvalidAudienceException => "The bearer token is for another audience.",
        SecurityTokenException or ArgumentException or null => "The bearer token could not be read.",
        _ => "The bearer token could not be checked.",
    };

    private GraphQLHttpRefusal Refuse(string message, Exception? failure)
    {
        AccessLog.TokenRefused(logger, message, failure);
        return new GraphQLHttpRefusal(StatusCodes.Status401Unauthorized, AccessErrorCodes.Unauthenticated, message)
        {
            Headers = new Dictionary<string, string>
            {
                ["WWW-Authenticate"] = $"Bearer error=\"invalid_token\", error_description=\"{message}\"",
            },
        };
    }
}
