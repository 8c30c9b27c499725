using OurSociety.Federation.Common;

namespace OurSociety.Federation.Organisations;

/// <summary>What anyone may know of an organisation.</summary>
/// <param name="OrgId">Its identifier in a public register, in org-id form (e.g. <c>GB-CHC-1234567</c>).</param>
/// <param name="Networks">Slugs of the networks it belongs to, in joining order.</param>
[GenerateSerializer, Immutable, Alias("OrganisationProfile")]
public sealed record OrganisationProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Kind,
    [property: Id(3)] string? OrgId,
    [property: Id(4)] Place? RegisteredAt,
    [property: Id(5)] IReadOnlyList<Place> ActiveIn,
    [property: Id(6)] IReadOnlyList<string> Themes,
    [property: Id(7)] DateTimeOffset RegisteredOn,
    [property: Id(8)] IReadOnlyList<string> Networks);
