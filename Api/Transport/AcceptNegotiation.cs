using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace OurSociety.Federation.Api.Transport;

/// <summary>
/// Picks the response media type from <c>Accept</c>: the highest quality wins, then the more specific
/// range, then <c>application/graphql-response+json</c>. Wildcards and a missing header get
/// <c>application/json</c>, which is what clients that do not know the newer type can read (and what
/// graphql-http's audits 47DE and 80D8 expect).
/// </summary>
internal static class AcceptNegotiation
{
    /// <returns>The type to answer in, or <see langword="null"/> when nothing acceptable is offered (406).</returns>
    public static ResponseMediaType? Negotiate(StringValues accept)
    {
        if (StringValues.IsNullOrEmpty(accept) || accept.All(string.IsNullOrWhiteSpace))
        {
            return ResponseMediaType.Json;
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges))
        {
            return null;
        }

        ResponseMediaType? best = null;
        (double Quality, int Specificity, int Preference) bestRank = default;
        foreach (var range in ranges)
        {
            var quality = range.Quality ?? 1d;
            if (quality <= 0 || !IsUtf8(range) || Match(range) is not { } match)
            {
                continue;
            }

            var rank = (quality, match.Specificity, match.Type == ResponseMediaType.GraphQLResponse ? 1 : 0);
            if (best is null || rank.CompareTo(bestRank) > 0)
            {
                best = match.Type;
                bestRank = rank;
            }
        }

        return best;
    }

    private static (ResponseMediaType Type, int Specificity)? Match(MediaTypeHeaderValue range)
    {
        var mediaType = range.MediaType;
        if (mediaType.Equals(GraphQLMediaTypes.GraphQLResponse, StringComparison.OrdinalIgnoreCase))
        {
            return (ResponseMediaType.GraphQLResponse, 2);
        }

        if (mediaType.Equals(GraphQLMediaTypes.Json, StringComparison.OrdinalIgnoreCase))
        {
            return (ResponseMediaType.Json, 2);
        }

        if (mediaType.Equals("application/*", StringComparison.OrdinalIgnoreCase))
        {
            return (ResponseMediaType.Json, 1);
        }

        if (mediaType.Equals("*/*", StringComparison.OrdinalIgnoreCase))
        {
            return (ResponseMediaType.Json, 0);
        }

        return null;
    }

    private static bool IsUtf8(MediaTypeHeaderValue range) =>
        StringSegment.IsNullOrEmpty(range.Charset) || range.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase);
}
