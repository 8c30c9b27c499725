namespace OurSociety.Federation.Api.Access;

/// <summary>The stable <c>code</c> values of refusals that are about the caller rather than the request.</summary>
public static class AccessErrorCodes
{
    /// <summary>The bearer token is unusable, or the operation needs a signed-in caller (HTTP 401).</summary>
    public const string Unauthenticated = "UNAUTHENTICATED";

    /// <summary>The caller used up its request budget for now (HTTP 429, with <c>Retry-After</c>).</summary>
    public const string RateLimited = "RATE_LIMITED";
}
