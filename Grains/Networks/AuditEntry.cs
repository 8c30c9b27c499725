namespace OurSociety.Federation.Networks;

/// <summary>One line of a network's audit trail.</summary>
/// <param name="Seq">Its position in the trail, from 0; the paging cursor.</param>
/// <param name="Actor">The subject who acted.</param>
/// <param name="OrganisationId">The organisation acted on, if any.</param>
/// <param name="Subject">The person acted on (a coordinator added or removed), if any.</param>
/// <param name="Detail">What changed or why, as the actor gave it.</param>
[GenerateSerializer, Immutable, Alias("AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] long Seq,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Actor,
    [property: Id(3)] AuditAction Action,
    [property: Id(4)] string? OrganisationId,
    [property: Id(5)] string? Subject,
    [property: Id(6)] string? Detail);
