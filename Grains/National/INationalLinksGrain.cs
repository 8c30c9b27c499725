using OurSociety.Federation.Networks.Links;

namespace OurSociety.Federation.National;

/// <summary>
/// The link graph between networks (key <see cref="NationalLinks.Key"/>): each network's active links, as its statistics
/// last sent them. Written only when a network's active links change, so it is not on the posting path.
/// </summary>
[Alias("INationalLinksGrain")]
public interface INationalLinksGrain : IGrainWithStringKey
{
    /// <summary>Records <paramref name="network"/>'s active links durably; a version no newer than the one held changes nothing.</summary>
    [Alias("SetAsync")]
    Task SetAsync(string network, long version, IReadOnlyList<LinkView> active);

    /// <summary>Every active link once, seen from the side whose slug sorts first; a link either side no longer holds active is left out.</summary>
    [AlwaysInterleave]
    [Alias("GetLinksAsync")]
    Task<IReadOnlyList<LinkView>> GetLinksAsync();
}
