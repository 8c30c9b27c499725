using System.Security.Claims;

namespace OurSociety.Federation.Api.Transport;

/// <summary>What an <see cref="IGraphQLWebSocketAuthenticator"/> made of <c>connection_init</c>: a user, or a rejection.</summary>
public sealed record GraphQLWebSocketAuthentication
{
    private GraphQLWebSocketAuthentication(ClaimsPrincipal? user, string? rejection)
    {
        User = user;
        Rejection = rejection;
    }

    /// <summary>The user operations run as (<c>ExecutionOptions.User</c>); null when rejected.</summary>
    public ClaimsPrincipal? User { get; }

    /// <summary>Why the connection was rejected, safe to show the client; null when accepted.</summary>
    public string? Rejection { get; }

    /// <summary>Acknowledge the connection; its operations run as <paramref name="user"/> (anonymous is an unauthenticated principal).</summary>
    public static GraphQLWebSocketAuthentication Accept(ClaimsPrincipal user) => new(user, null);

    /// <summary>Close the connection with 4403; <paramref name="reason"/> becomes the close reason, cut to the 123 bytes a close frame holds.</summary>
    public static GraphQLWebSocketAuthentication Reject(string reason) => new(null, reason);
}
