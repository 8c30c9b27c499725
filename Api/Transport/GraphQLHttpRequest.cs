using GraphQL;

namespace OurSociety.Federation.Api.Transport;

/// <summary>A well-formed GraphQL-over-HTTP request: the four parameters, with JSON <c>null</c> read as absent.</summary>
internal sealed record GraphQLHttpRequest(string Query, string? OperationName, Inputs? Variables, Inputs? Extensions);
