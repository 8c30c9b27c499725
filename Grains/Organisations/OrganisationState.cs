namespace OurSociety.Federation.Organisations;

/// <summary>What an <see cref="OrganisationGrain"/> persists; every list is capped, so it is bounded.</summary>
[GenerateSerializer, Alias("OrganisationState")]
public sealed class OrganisationState
{
    [Id(0)]
    public OrganisationProfile? Profile { get; set; }

    [Id(1)]
    public Contact? Contact { get; set; }

    /// <summary>The subjects who act for the organisation, first the one who registered it.</summary>
    [Id(2)]
    public List<string> People { get; set; } = [];

    /// <summary>Networks it has asked to join that have not answered yet.</summary>
    [Id(3)]
    public List<string> PendingNetworks { get; set; } = [];
}
