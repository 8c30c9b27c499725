namespace OurSociety.Federation.Networks;

/// <summary>An organisation's request to join a network, waiting for a coordinator.</summary>
/// <param name="RegisteredOn">When the organisation registered on the hub, so coordinators can see who is new.</param>
/// <param name="RequestedBy">The subject who asked, for the audit trail.</param>
/// <param name="Seq">Orders requests by arrival; the paging cursor.</param>
[GenerateSerializer, Immutable, Alias("JoinRequest")]
public sealed record JoinRequest(
    [property: Id(0)] string OrganisationId,
    [property: Id(1)] DateTimeOffset RegisteredOn,
    [property: Id(2)] string? Message,
    [property: Id(3)] DateTimeOffset RequestedAt,
    [property: Id(4)] string RequestedBy,
    [property: Id(5)] long Seq)
{
    /// <summary>How long after registering an organisation counts as a newcomer.</summary>
    public static readonly TimeSpan NewcomerPeriod = TimeSpan.FromDays(90);

    /// <summary>Whether the organisation registered within <see cref="NewcomerPeriod"/> before <paramref name="now"/>.</summary>
    public bool IsNewcomer(DateTimeOffset now) => now - RegisteredOn < NewcomerPeriod;
}
