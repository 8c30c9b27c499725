using System.Text.Json;
using GraphQL;

namespace OurSociety.Federation.Api.Transport;

/// <summary>
/// A client message of the graphql-transport-ws protocol that passed <see cref="GraphQLWebSocketMessageReader"/>'s
/// shape checks. Which members are set depends on <see cref="Type"/>.
/// </summary>
/// <param name="Type">One of <see cref="GraphQLWebSocketMessageTypes"/>.</param>
/// <param name="Id">The operation id of <c>subscribe</c> and <c>complete</c>: a non-empty string.</param>
/// <param name="InitPayload">The <c>connection_init</c> payload, when there is one.</param>
/// <param name="PingPayload">A <c>ping</c> payload, sent back in the <c>pong</c>.</param>
/// <param name="Request">The operation of a <c>subscribe</c>.</param>
internal sealed record GraphQLWebSocketMessage(
    string Type,
    string? Id = null,
    Inputs? InitPayload = null,
    JsonElement? PingPayload = null,
    GraphQLHttpRequest? Request = null);
