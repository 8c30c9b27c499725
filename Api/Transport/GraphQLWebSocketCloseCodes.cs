namespace OurSociety.Federation.Api.Transport;

/// <summary>The close codes the graphql-transport-ws endpoint uses, with the protocol's meaning of each.</summary>
public static class GraphQLWebSocketCloseCodes
{
    /// <summary>The server is stopping (RFC 6455 "going away").</summary>
    public const int GoingAway = 1001;

    /// <summary>The client does not read its messages fast enough and too many are waiting (RFC 6455 "policy violation").</summary>
    public const int PolicyViolation = 1008;

    /// <summary>A message larger than <see cref="GraphQLHttpOptions.MaxRequestBodySize"/> (RFC 6455 "message too big").</summary>
    public const int MessageTooBig = 1009;

    /// <summary>Not JSON, an unknown or server-only type, a missing or malformed id or payload, or a binary frame.</summary>
    public const int BadRequest = 4400;

    /// <summary>A <c>subscribe</c> before the connection was acknowledged.</summary>
    public const int Unauthorized = 4401;

    /// <summary>The app's <see cref="IGraphQLWebSocketAuthenticator"/> rejected <c>connection_init</c>.</summary>
    public const int Forbidden = 4403;

    /// <summary>The client did not offer the <c>graphql-transport-ws</c> subprotocol.</summary>
    public const int SubprotocolNotAcceptable = 4406;

    /// <summary>No acknowledged <c>connection_init</c> within <see cref="GraphQLWebSocketOptions.ConnectionInitTimeout"/>.</summary>
    public const int ConnectionInitialisationTimeout = 4408;

    /// <summary>A <c>subscribe</c> with the id of an operation that is still running.</summary>
    public const int SubscriberAlreadyExists = 4409;

    /// <summary>A second <c>connection_init</c>.</summary>
    public const int TooManyInitialisationRequests = 4429;

    /// <summary>The app's authenticator failed with an exception (logged, never sent).</summary>
    public const int InternalServerError = 4500;
}
