namespace OurSociety.Federation.Api.Transport;

/// <summary>Why a <see cref="IGraphQLHttpCallerPolicy"/> refused a request before it was executed.</summary>
/// <param name="StatusCode">The HTTP status to answer with.</param>
/// <param name="Code">The stable <c>code</c> of the one GraphQL error in the body.</param>
/// <param name="Message">The error's message: safe to show the client.</param>
public sealed record GraphQLHttpRefusal(int StatusCode, string Code, string Message)
{
    /// <summary>Response headers to add, such as <c>WWW-Authenticate</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
