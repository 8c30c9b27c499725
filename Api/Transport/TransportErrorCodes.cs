namespace OurSociety.Federation.Api.Transport;

/// <summary>
/// The stable <c>code</c> values the transport itself puts on errors, next to the ones GraphQL.NET
/// derives from its error types (<c>SYNTAX_ERROR</c>, <c>FIELDS_ON_CORRECT_TYPE</c>, <c>INVALID_VALUE</c>, …).
/// </summary>
public static class TransportErrorCodes
{
    /// <summary>The body is not JSON (or repeats a property).</summary>
    public const string InvalidJson = "INVALID_JSON";

    /// <summary>The JSON is fine but is not a GraphQL-over-HTTP request (no string query, variables not a map, …).</summary>
    public const string InvalidRequest = "INVALID_REQUEST";

    /// <summary>A JSON array body: batching is off, since one HTTP request must not buy unbounded work.</summary>
    public const string BatchingNotSupported = "BATCHING_NOT_SUPPORTED";

    /// <summary>An HTTP method other than GET and POST, or a mutation or subscription sent by GET.</summary>
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";

    /// <summary>No media type in <c>Accept</c> that the endpoint can produce.</summary>
    public const string NotAcceptable = "NOT_ACCEPTABLE";

    /// <summary>A POST whose <c>Content-Type</c> is missing or not JSON in UTF-8.</summary>
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";

    /// <summary>A POST body above <see cref="GraphQLHttpOptions.MaxRequestBodySize"/>.</summary>
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";

    /// <summary>Execution ran past <see cref="GraphQLHttpOptions.ExecutionTimeout"/> (GraphQL.NET's own code).</summary>
    public const string Timeout = "TIMEOUT";

    /// <summary>An exception nobody mapped to a coded error; its message and stack trace stay in the log.</summary>
    public const string Internal = "INTERNAL";

    /// <summary>An error raised without a code; the place that raises it should give it one.</summary>
    public const string Unclassified = "UNCLASSIFIED";

    /// <summary>The document nests deeper than <see cref="GraphQLHttpOptions.MaxDepth"/> (a validation error).</summary>
    public const string QueryTooDeep = "QUERY_TOO_DEEP";

    /// <summary>The document's estimated cost is above <see cref="GraphQLHttpOptions.MaxComplexity"/> (a validation error).</summary>
    public const string QueryTooComplex = "QUERY_TOO_COMPLEX";

    /// <summary><c>__schema</c> or <c>__type</c> while <see cref="GraphQLHttpOptions.Introspection"/> is off (a validation error).</summary>
    public const string IntrospectionDisabled = "INTROSPECTION_DISABLED";
}
