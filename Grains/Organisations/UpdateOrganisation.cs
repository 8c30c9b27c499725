using OurSociety.Federation.Common;

namespace OurSociety.Federation.Organisations;

/// <summary>A change to an organisation's profile or contact, before validation; a null field stays as it is.</summary>
[GenerateSerializer, Immutable, Alias("UpdateOrganisation")]
public sealed record UpdateOrganisation(
    [property: Id(0)] string? Name,
    [property: Id(1)] string? Kind,
    [property: Id(2)] string? OrgId,
    [property: Id(3)] Place? RegisteredAt,
    [property: Id(4)] IReadOnlyList<Place>? ActiveIn,
    [property: Id(5)] IReadOnlyList<string>? Themes,
    [property: Id(6)] Contact? Contact);
