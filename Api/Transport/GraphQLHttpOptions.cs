using System.ComponentModel.DataAnnotations;

namespace OurSociety.Federation.Api.Transport;

/// <summary>
/// Limits of the GraphQL-over-HTTP endpoint, bound from <c>Hub:GraphQL</c> and validated at start,
/// so a bad setting stops the host with a clear message instead of surfacing on the first request.
/// </summary>
public sealed class GraphQLHttpOptions
{
    public const string SectionName = "Hub:GraphQL";

    /// <summary>
    /// Largest POST body accepted, in bytes; a larger one is refused with 413 before it is parsed.
    /// </summary>
    [Range(typeof(long), "1024", "67108864")]
    public long MaxRequestBodySize { get; set; } = 256 * 1024;

    /// <summary>
    /// Time one operation may take from parsing to the last resolver; after that GraphQL.NET cancels it
    /// and the response carries a single <c>TIMEOUT</c> error.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Budget of the parsed-document cache, counted in characters of the cached query texts
    /// (a parsed document's size grows with its text). 0 turns the cache off.
    /// </summary>
    [Range(typeof(long), "0", "1073741824")]
    public long DocumentCacheSizeLimit { get; set; } = 1024 * 1024;

    /// <summary>
    /// Deepest selection nesting accepted (GraphQL.NET's complexity analyzer counts one level per field,
    /// introspection included); a deeper document is refused in validation with <c>QUERY_TOO_DEEP</c>.
    /// The hub's own queries nest up to about 8; the introspection query GraphiQL sends nests 15.
    /// </summary>
    [Range(2, 100)]
    public int MaxDepth { get; set; } = 20;

    /// <summary>
    /// Largest estimated cost accepted: every selected field costs 1, times the <c>first</c> of each
    /// list or connection above it (20 for a list without one). A costlier document is refused in
    /// validation with <c>QUERY_TOO_COMPLEX</c>.
    /// </summary>
    [Range(10, 10_000_000)]
    public int MaxComplexity { get; set; } = 10_000;

    /// <summary>
    /// Whether <c>__schema</c> and <c>__type</c> may be queried (and the SDL and GraphiQL served). Off, they
    /// are refused with <c>INTROSPECTION_DISABLED</c>; <c>__typename</c> and federation's <c>_service</c> still work.
    /// </summary>
    public bool Introspection { get; set; } = true;

    /// <summary>
    /// Whether a browser opening the endpoint gets GraphiQL. Without <see cref="Introspection"/> it still runs
    /// operations, but has no documentation explorer or completion.
    /// </summary>
    public bool GraphiQL { get; set; } = true;
}
