namespace OurSociety.Federation.Networks;

/// <summary>An organisation's membership of a network; <paramref name="Seq"/> orders members by when they joined and is the paging cursor.</summary>
[GenerateSerializer, Immutable, Alias("MemberEntry")]
public sealed record MemberEntry(
    [property: Id(0)] string OrganisationId,
    [property: Id(1)] DateTimeOffset JoinedAt,
    [property: Id(2)] long Seq);
