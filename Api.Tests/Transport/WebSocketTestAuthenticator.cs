using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using OurSociety.Federation.Api.Transport;

namespace OurSociety.Federation.Api.Tests.Transport;

/// <summary>
/// An authenticator steered by the <c>connection_init</c> payload: <c>{"user": name}</c> signs in as that name,
/// <c>{"reject": …}</c> rejects the connection, <c>{"explode": …}</c> throws, anything else keeps the upgrade request's user.
/// </summary>
public sealed class WebSocketTestAuthenticator : IGraphQLWebSocketAuthenticator
{
    public const string Rejection = "Not on this connection.";

    public ValueTask<GraphQLWebSocketAuthentication> AuthenticateAsync(
        HttpContext context, IReadOnlyDictionary<string, object?>? payload, CancellationToken cancellationToken)
    {
        if (payload?.ContainsKey("explode") == true)
        {
            throw new InvalidOperationException(TestQueryType.SecretMessage);
        }

        if (payload?.ContainsKey("reject") == true)
        {
            return ValueTask.FromResult(GraphQLWebSocketAuthentication.Reject(Rejection));
        }

        var user = payload?.TryGetValue("user", out var name) == true && name is string text
            ? new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, text)], "test"))
            : context.User;
        return ValueTask.FromResult(GraphQLWebSocketAuthentication.Accept(user));
    }
}
