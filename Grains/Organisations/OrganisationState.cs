namespace OurSociety.Federation.Organisations;

/// <summary>What an <see cref="OrganisationGrain"/> persists; memberships are capped, so it is bounded.</summary>
[GenerateSerializer, Alias("OrganisationState")]
public sealed class OrganisationState
{
    [Id(0)]
    public OrganisationProfile? Profile { get; set; }

    [Id(1)]
    public Contact? Contact { get; set; }
}
