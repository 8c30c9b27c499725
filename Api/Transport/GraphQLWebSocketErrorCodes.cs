namespace OurSociety.Federation.Api.Transport;

/// <summary>The <c>code</c> values the graphql-transport-ws endpoint adds to the transport's <see cref="TransportErrorCodes"/>.</summary>
public static class GraphQLWebSocketErrorCodes
{
    /// <summary>A <c>subscribe</c> beyond <see cref="GraphQLWebSocketOptions.MaxOperationsPerConnection"/>; the connection stays open.</summary>
    public const string TooManyOperations = "TOO_MANY_OPERATIONS";

    /// <summary>A subscription that selects more than one root field, which the endpoint cannot stream as one operation.</summary>
    public const string SingleRootFieldRequired = "SINGLE_ROOT_FIELD_REQUIRED";
}
