using System.Security.Claims;

namespace OurSociety.Federation.Api.Transport;

/// <summary>What an <see cref="IGraphQLWebSocketAuthenticator"/> made of <c>connection_init</c>: a user, or a rejection.</summary>
public sealed record GraphQLWebSocketAuthentication
{
    private GraphQLWebSocketAuthentication(ClaimsPrincipal? user, string? rejection, DateTimeOffset? expiresAt = null)
    {
        User = user;
        Rejection = rejection;
        ExpiresAt = expiresAt;
    }

    /// <summary>The user operations run as (<c>ExecutionOptions.User</c>); null when rejected.</summary>
    public ClaimsPrincipal? User { get; }

    /// <summary>Why the connection was rejected, safe to show the client; null when accepted.</summary>
    public string? Rejection { get; }

    /// <summary>When the credentials the connection was accepted with stop being valid; the connection is closed (4403) then.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>
    /// Acknowledge the connection; its operations run as <paramref name="user"/> (anonymous is an unauthenticated
    /// principal) until <paramref name="expiresAt"/>, when the connection is closed with 4403 so the client signs in again.
    /// </summary>
    public static GraphQLWebSocketAuthentication Accept(ClaimsPrincipal user, DateTimeOffset? expiresAt = null) => new(user, null, expiresAt);

    /// <summary>Close the connection with 4403; <paramref name="reason"/> becomes the close reason, cut to the 123 bytes a close frame holds.</summary>
    public static GraphQLWebSocketAuthentication Reject(string reason) => new(null, reason);
}
