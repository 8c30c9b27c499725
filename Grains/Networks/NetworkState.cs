namespace OurSociety.Federation.Networks;

/// <summary>What a <see cref="NetworkGrain"/> persists. Members are capped at <see cref="NetworkGrain.MaxMembers"/>, so the state is bounded.</summary>
[GenerateSerializer, Alias("NetworkState")]
public sealed class NetworkState
{
    [Id(0)]
    public NetworkProfile? Profile { get; set; }

    [Id(1)]
    public List<MemberEntry> Members { get; set; } = [];

    [Id(2)]
    public long NextMemberSeq { get; set; }

    [Id(3)]
    public List<string> Coordinators { get; set; } = [];

    /// <summary>Who created it and with which client request id, so a retried create succeeds once more instead of failing as taken.</summary>
    [Id(4)]
    public string? CreatedBy { get; set; }

    /// <summary>Requests to join, oldest first; capped at <see cref="NetworkGrain.MaxPendingRequests"/>.</summary>
    [Id(5)]
    public List<JoinRequest> JoinRequests { get; set; } = [];

    /// <summary>Audit entries written with the action they record and not yet handed to the audit trail grain.</summary>
    [Id(6)]
    public List<AuditEntry> AuditOutbox { get; set; } = [];

    [Id(7)]
    public long NextAuditSeq { get; set; }

    /// <summary>Links with other networks by the other's slug, ended ones included (until a new proposal replaces them).</summary>
    [Id(8)]
    public Dictionary<string, Links.LinkRecord> Links { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The version of the sharing rules last given to the feed grain, so it can tell newer from older.</summary>
    [Id(9)]
    public long SharingVersion { get; set; }

    /// <summary>The version of the national statistics say last given to the network's statistics grain.</summary>
    [Id(10)]
    public long NationalConsentVersion { get; set; }
}
