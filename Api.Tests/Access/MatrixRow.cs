using System.Net;
using System.Text.Json.Nodes;

namespace OurSociety.Federation.Api.Tests.Access;

/// <summary>One row of the authorization matrix: an operation, who may do it, and how to see whether state changed.</summary>
/// <param name="Operation">What the reviewer reads, e.g. <c>approveJoinRequest</c> or <c>Network.auditTrail</c>.</param>
/// <param name="IsMutation">A mutation is refused with 401 (no token) or FORBIDDEN; a private read answers null.</param>
/// <param name="Allowed">The callers who may.</param>
/// <param name="Document">The GraphQL document.</param>
/// <param name="Variables">Its variables for a world.</param>
/// <param name="Answer">For a read, the part of the response that is null when refused.</param>
/// <param name="Observe">The state the operation would change, read through the grains by someone entitled to see it.</param>
public sealed record MatrixRow(
    string Operation,
    bool IsMutation,
    MatrixCaller[] Allowed,
    string Document,
    Func<MatrixWorld, object> Variables,
    Func<JsonNode, JsonNode?> Answer,
    Func<IGrainFactory, MatrixWorld, MatrixCaller, Task<string>> Observe)
{
    public const string Allow = "allowed";
    public const string Hidden = "null";
    public const string Unauthenticated = "401 UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";

    /// <summary>
    /// Callers refused with another answer than the usual one: an introduction is <c>INTRODUCTION_NOT_FOUND</c> for whoever
    /// may not see it, and a read may refuse with a request error.
    /// </summary>
    public IReadOnlyDictionary<MatrixCaller, string> Refused { get; init; } = new Dictionary<MatrixCaller, string>();

    /// <summary>What the world needs beyond <see cref="MatrixWorld.BuildAsync"/> for this row (an introduction, a match), if anything.</summary>
    public Func<IGrainFactory, MatrixWorld, Task>? Arrange { get; init; }

    /// <summary>What the matrix says this caller gets.</summary>
    public string Expected(MatrixCaller caller) =>
        Allowed.Contains(caller) ? Allow
        : Refused.TryGetValue(caller, out var refused) ? refused
        : !IsMutation ? Hidden
        : caller == MatrixCaller.Anonymous ? Unauthenticated
        : Forbidden;

    /// <summary>What the caller actually got.</summary>
    public string Outcome(HttpStatusCode status, JsonNode body)
    {
        if (status == HttpStatusCode.Unauthorized)
        {
            return body["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>() == "UNAUTHENTICATED" ? Unauthenticated : $"401 {body.ToJsonString()}";
        }

        if (status == HttpStatusCode.OK && body["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>() is { } code)
        {
            return code;
        }

        if (status != HttpStatusCode.OK || body["errors"] is not null)
        {
            return $"{(int)status} {body.ToJsonString()}";
        }

        if (!IsMutation)
        {
            return Answer(body) is null ? Hidden : Allow;
        }

        var payload = body["data"]!.AsObject().Single().Value!;
        var errors = payload["errors"]!.AsArray();
        return errors.Count == 0 ? Allow : errors[0]!["code"]!.GetValue<string>();
    }
}
