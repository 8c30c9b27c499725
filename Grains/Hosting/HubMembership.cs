using Orleans.Configuration;

namespace OurSociety.Federation.Hosting;

/// <summary>
/// How quickly the cluster notices a silo that died, and how quickly clients stop and start using gateways. See
/// docs/decisions/0007-membership-tuning-and-failover.md for the numbers and what they cost.
/// </summary>
public static class HubMembership
{
    /// <summary>
    /// Silos probe each other every <see cref="ClusterMembershipOptions.ProbeTimeout"/> (2 s; Orleans adapts it
    /// between 1 and 8 s to the answers it sees). Three missed probes make a suspicion; one vote is enough while the
    /// cluster has two silos (Orleans asks for at most half the active silos, rounded up), two from three silos on.
    /// So a silo that died is declared dead in about 6 to 8 seconds, instead of about 15 to 20 with the defaults.
    /// </summary>
    public static void Configure(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = TimeSpan.FromSeconds(2);
        options.NumMissedProbesLimit = 3;
        options.NumVotesForDeathDeclaration = 2;

        // A vote counts for this long. Two votes must meet within it, so it stays well above a probe round, but a
        // few minutes of stale suspicions (the default is 2) would let two unrelated hiccups add up to a death.
        options.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(30);

        // The table is read every 10 s (default 60 s) for what gossip missed; one small query per silo.
        options.TableRefreshTimeout = TimeSpan.FromSeconds(10);
    }

    /// <summary>
    /// A client drops a gateway whose connection fails at once; it learns of new gateways (a restarted or added silo)
    /// from the membership table, read every 5 s instead of every minute.
    /// </summary>
    public static void Configure(GatewayOptions options) => options.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A client waits 5 s (not 30) for a grain call's answer. A call in flight to a silo that died gets no answer at
    /// all: the client gives up on it after this long and the API answers <c>UNAVAILABLE</c>, so the caller retries
    /// rather than waits out the default. Every hub call answers in milliseconds; one that takes 5 s is already past
    /// what a person waits for (the GraphQL time limit is 10 s).
    /// </summary>
    public static void Configure(ClientMessagingOptions options) => options.ResponseTimeout = TimeSpan.FromSeconds(5);
}
