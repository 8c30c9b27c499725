namespace OurSociety.Federation.Organisations;

/// <summary>How to reach an organisation. Private: only the organisation itself sees it, until an introduction connects it with another.</summary>
[GenerateSerializer, Immutable, Alias("Contact")]
public sealed record Contact(
    [property: Id(0)] string? Email,
    [property: Id(1)] string? Phone,
    [property: Id(2)] string? Person);
