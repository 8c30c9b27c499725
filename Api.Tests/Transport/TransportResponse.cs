using System.Net;
using System.Text.Json;

namespace OurSociety.Federation.Api.Tests.Transport;

/// <summary>What a test looks at in a response: status, exact Content-Type, Allow and the JSON body.</summary>
public sealed record TransportResponse(HttpStatusCode Status, string? ContentType, string? Allow, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    /// <summary>The <c>code</c> member of a problem-details body.</summary>
    public string? ProblemCode => Json.GetProperty("code").GetString();

    /// <summary>The <c>extensions.code</c> of every GraphQL error in the body.</summary>
    public IReadOnlyList<string?> ErrorCodes =>
        [.. Json.GetProperty("errors").EnumerateArray().Select(error => error.GetProperty("extensions").GetProperty("code").GetString())];

    public bool HasData => Json.TryGetProperty("data", out _);
}
