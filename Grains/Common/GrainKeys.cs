using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
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
    /// <summary>Grain references each factory has made for networks (see <see cref="PerNetwork"/>).</summary>
    private const int MaxCachedReferences = 40_000;

    private static readonly ConditionalWeakTable<IGrainFactory, ConcurrentDictionary<(Type Type, string Slug), IAddressable>> _references = [];

    public static string Network(string slug) => "net:" + slug;

    public static string Segment(string slug, long index) => $"net:{slug}:{index}";

    public static string SlugOf(string networkKey) => networkKey["net:".Length..];

    public static INetworkGrain GetNetwork(this IGrainFactory grains, string slug) => PerNetwork<INetworkGrain>(grains, slug);

    public static IFeedGrain GetFeed(this IGrainFactory grains, string slug) => PerNetwork<IFeedGrain>(grains, slug);

    public static Feeds.Live.ILiveFeedGrain GetLiveFeed(this IGrainFactory grains, string slug) => PerNetwork<Feeds.Live.ILiveFeedGrain>(grains, slug);

    public static IFeedSegmentGrain GetFeedSegment(this IGrainFactory grains, string slug, long index) =>
        grains.GetGrain<IFeedSegmentGrain>(Segment(slug, index));

    public static IOrganisationGrain GetOrganisation(this IGrainFactory grains, string id) => grains.Get<IOrganisationGrain>(id);

    public static IRequestGrain GetRequest(this IGrainFactory grains, Caller caller, string clientRequestId) =>
        grains.GetGrain<IRequestGrain>($"req:{caller.Subject}:{clientRequestId}");

    public static INetworkAuditGrain GetNetworkAudit(this IGrainFactory grains, string slug) => grains.GetGrain<INetworkAuditGrain>(Network(slug));

    /// <summary>The index of what a subject is part of. Subjects are issuer-given strings, prefixed so no subject looks like a number.</summary>
    public static ISubjectGrain GetSubject(this IGrainFactory grains, string subject) => grains.GetGrain<ISubjectGrain>("sub:" + subject);

    public static Introductions.IIntroductionGrain GetIntroduction(this IGrainFactory grains, string id) => grains.Get<Introductions.IIntroductionGrain>(id);

    /// <summary>An organisation's introduction inbox.</summary>
    public static Introductions.IIntroductionListGrain GetInbox(this IGrainFactory grains, string organisationId) =>
        grains.Get<Introductions.IIntroductionListGrain>("inbox:" + organisationId);

    /// <summary>A network's suggested introductions: wants met by offers.</summary>
    public static Matching.IMatchGrain GetMatches(this IGrainFactory grains, string slug) => grains.GetGrain<Matching.IMatchGrain>("match:" + slug);

    public static INetworkDirectoryGrain GetNetworkDirectory(this IGrainFactory grains) => grains.GetGrain<INetworkDirectoryGrain>("directory");

    /// <summary>
    /// A network's grains are asked for on every page (a federated page names each linked network's feed), and making a
    /// grain reference is not free, so each factory keeps the ones it has made, up to a bound: networks are capped at
    /// 10,000, and slugs that name no network (anyone can ask for one) must not grow the table without end.
    /// </summary>
    private static T PerNetwork<T>(IGrainFactory grains, string slug)
        where T : IGrainWithStringKey
    {
        var references = _references.GetOrCreateValue(grains);
        if (references.TryGetValue((typeof(T), slug), out var reference))
        {
            return (T)reference;
        }

        var made = grains.Get<T>(Network(slug));
        if (references.Count < MaxCachedReferences)
        {
            references.TryAdd((typeof(T), slug), made);
        }

        return made;
    }
}
