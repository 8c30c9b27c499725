using OurSociety.Federation.Access;
using OurSociety.Federation.National;

namespace OurSociety.Federation.Networks;

/// <summary>The network's say on national statistics: consent, not co-option.</summary>
public sealed partial class NetworkGrain
{
    public async Task<NetworkProfile> SetNationalStatisticsAsync(Caller caller, bool optIn)
    {
        var profile = RequireCoordinator(caller, "choose whether it counts in national statistics");
        var statistics = GrainFactory.GetNetworkStatistics(Slug);
        var held = await statistics.GetConsentAsync();
        if (profile.NationalStatistics == optIn && held.OptedIn == optIn)
        {
            return Current;
        }

        // Versions rise past whatever the statistics hold, so a say recorded there before a failed save here is overtaken.
        var consent = new NationalConsent(optIn, Math.Max(_state.State.NationalConsentVersion, held.Version) + 1, 0, null);
        if (!optIn)
        {
            // Narrowing goes first: counting stops and past contributions are withdrawn before the network records it.
            await statistics.SetConsentAsync(consent);
        }

        _state.State.Profile = profile with { NationalStatistics = optIn };
        _state.State.NationalConsentVersion = consent.Version;
        Record(caller, AuditAction.NationalStatisticsChanged, detail: optIn ? "opted in to national statistics" : "opted out of national statistics");
        await SaveAsync();
        if (optIn)
        {
            await statistics.SetConsentAsync(consent);
        }

        return Current;
    }
}
