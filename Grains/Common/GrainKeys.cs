using OurSociety.Federation.Access;
using OurSociety.Federation.Feeds;
using OurSociety.Federation.Networks;
using OurSociety.Federation.Organisations;

namespace OurSociety.Federation.Common;

/// <summary>
/// How a domain identity becomes a grain key. Network slugs such as <c>cafe</c> are valid hex, and
/// Orleans' ADO.NET storage parses an all-hex string key as an integer (two slugs could then share a row),
/// so network-derived keys carry a <c>net:</c> prefix.
/// </summary>
public static class GrainKeys
{
    public static string Network(string slug) => "net:" + slug;

    public static string Segment(string slug, long index) => $"net:{slug}:{index}";

    public static string SlugOf(string networkKey) => networkKey["net:".Length..];

    public static INetworkGrain GetNetwork(this IGrainFactory grains, string slug) => grains.GetGrain<INetworkGrain>(Network(slug));

    public static IFeedGrain GetFeed(this IGrainFactory grains, string slug) => grains.GetGrain<IFeedGrain>(Network(slug));

    public static Feeds.Live.ILiveFeedGrain GetLiveFeed(this IGrainFactory grains, string slug) => grains.GetGrain<Feeds.Live.ILiveFeedGrain>(Network(slug));

    public static IFeedSegmentGrain GetFeedSegment(this IGrainFactory grains, string slug, long index) =>
        grains.GetGrain<IFeedSegmentGrain>(Segment(slug, index));

    public static IOrganisationGrain GetOrganisation(this IGrainFactory grains, string id) => grains.GetGrain<IOrganisationGrain>(id);

    public static IRequestGrain GetRequest(this IGrainFactory grains, Caller caller, string clientRequestId) =>
        grains.GetGrain<IRequestGrain>($"req:{caller.Subject}:{clientRequestId}");

    public static INetworkAuditGrain GetNetworkAudit(this IGrainFactory grains, string slug) => grains.GetGrain<INetworkAuditGrain>(Network(slug));

    /// <summary>The index of what a subject is part of. Subjects are issuer-given strings, prefixed so no subject looks like a number.</summary>
    public static ISubjectGrain GetSubject(this IGrainFactory grains, string subject) => grains.GetGrain<ISubjectGrain>("sub:" + subject);

    public static INetworkDirectoryGrain GetNetworkDirectory(this IGrainFactory grains) => grains.GetGrain<INetworkDirectoryGrain>("directory");
}
