namespace OurSociety.Federation.Api.Transport;

/// <summary>
/// The app's say about who is on a graphql-transport-ws connection, asked once at <c>connection_init</c>. Browsers
/// cannot set headers on a WebSocket upgrade, so they send their credentials in the init payload instead. Register
/// one as a singleton; without one, every connection runs as the upgrade request's <see cref="HttpContext.User"/>.
/// </summary>
public interface IGraphQLWebSocketAuthenticator
{
    /// <summary>
    /// Decides the user every operation on the connection runs as, or rejects the connection (closed with 4403).
    /// </summary>
    /// <param name="context">The upgrade request; its <see cref="HttpContext.User"/> is what authentication made of its headers.</param>
    /// <param name="payload">The <c>connection_init</c> payload, or null when the client sent none.</param>
    /// <param name="cancellationToken">Cancelled when the connection ends.</param>
    ValueTask<GraphQLWebSocketAuthentication> AuthenticateAsync(
        HttpContext context, IReadOnlyDictionary<string, object?>? payload, CancellationToken cancellationToken);
}
