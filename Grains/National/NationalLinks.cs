using OurSociety.Federation.Networks.Links;

namespace OurSociety.Federation.National;

/// <summary>What a <see cref="NationalLinksGrain"/> persists: each network's active links and the version it sent.</summary>
[GenerateSerializer, Alias("NationalLinks")]
public sealed class NationalLinks
{
    public const string Key = "links:national";

    [Id(0)]
    public Dictionary<string, (long Version, LinkView[] Active)> Networks { get; set; } = new(StringComparer.Ordinal);
}
