using Microsoft.Extensions.Caching.Memory;
using OurSociety.Federation.Organisations;

namespace OurSociety.Federation.Api.Common;

/// <summary>
/// Public organisation profiles, kept briefly in the API process so that a feed page of twenty items by twenty
/// authors does not make twenty grain calls every time. It serves organisations named by other objects; one asked
/// for by its id is read from its grain (<see cref="HubRequest.ReadOrganisationAsync"/>). Mutations made through this
/// process update it at once; any other change (another API replica, a network's decision told to the organisation)
/// shows in named references within <see cref="Lifetime"/>. Contact details are never cached: they are read from the
/// grain, which decides who may see them.
/// </summary>
public sealed class OrganisationCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    public bool TryGet(string id, out OrganisationProfile? profile) => cache.TryGetValue(Key(id), out profile);

    public void Set(OrganisationProfile profile) =>
        cache.Set(Key(profile.Id), profile, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime, Size = 1 });

    private static (string, string) Key(string id) => ("organisation", id);
}
