using OurSociety.Federation.Common;

namespace OurSociety.Federation.Organisations;

/// <summary>A request to register an organisation, before validation.</summary>
[GenerateSerializer, Immutable, Alias("RegisterOrganisation")]
public sealed record RegisterOrganisation(
    [property: Id(0)] string? Name,
    [property: Id(1)] string? Kind,
    [property: Id(2)] string? OrgId,
    [property: Id(3)] Place? RegisteredAt,
    [property: Id(4)] IReadOnlyList<Place>? ActiveIn,
    [property: Id(5)] IReadOnlyList<string>? Themes,
    [property: Id(6)] Contact? Contact,
    [property: Id(7)] string? ClientRequestId);
