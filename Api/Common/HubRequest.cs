using System.Collections.Concurrent;
using System.Security.Claims;
using OurSociety.Federation.Access;
using OurSociety.Federation.Api.Access;
using OurSociety.Federation.Common;
using OurSociety.Federation.Networks;
using OurSociety.Federation.Organisations;

namespace OurSociety.Federation.Api.Common;

/// <summary>
/// What resolvers of one GraphQL request share (a scoped service): who is calling, the grains, and the batch
/// loaders, so that a page of 50 items by 10 organisations costs 10 grain calls, made in parallel, not 50.
/// </summary>
public sealed class HubRequest
{
    /// <summary>How many grain calls one batch makes at once.</summary>
    public const int MaxFanOut = 16;

    public HubRequest(IGrainFactory grains, OrganisationCache organisations)
    {
        Grains = grains;
        OrganisationCache = organisations;
        Organisations = new(FetchAsync<string, OrganisationProfile?>((id, _) => ReadOrganisationAsync(id)), organisations.TryGet);
        Networks = new(FetchAsync<string, NetworkProfile?>((slug, _) => Input.IsSlug(slug) ? grains.GetNetwork(slug).GetProfileAsync() : Task.FromResult<NetworkProfile?>(null)));
    }

    public IGrainFactory Grains { get; }

    /// <summary>Recently read organisation profiles; mutations put what they changed here.</summary>
    public OrganisationCache OrganisationCache { get; }

    private readonly ConcurrentDictionary<string, Task<OrganisationPrivate?>> _ownOrganisations = new(StringComparer.Ordinal);
    private Task<Caller>? _caller;

    /// <summary>
    /// Who is calling: the token's subject and hub-wide roles, and the organisations the hub's records say the subject
    /// acts for (one grain call per request, made on first use). Anonymous without a token.
    /// </summary>
    public Task<Caller> CallerAsync(ClaimsPrincipal? user) => _caller ??= SignInAsync(user);

    /// <summary>Organisations named by other objects (authors, members, parties): the cache first, then one batch.</summary>
    public BatchLoader<string, OrganisationProfile?> Organisations { get; }

    /// <summary>
    /// An organisation read from its grain, never the cache, which it refreshes: what <c>organisation(id:)</c> and
    /// <c>node</c> answer (so that a network's decision, told to the organisation one-way, shows as soon as the
    /// organisation has heard) and what <see cref="Organisations"/> fetches for the keys the cache did not have.
    /// </summary>
    public async Task<OrganisationProfile?> ReadOrganisationAsync(string id)
    {
        if (!HubIds.IsOrganisationId(id) || await Grains.GetOrganisation(id).GetProfileAsync() is not { } profile)
        {
            return null;
        }

        OrganisationCache.Set(profile);
        return profile;
    }

    public BatchLoader<string, NetworkProfile?> Networks { get; }

    /// <summary>Lets a long-lived request (a subscription, one scope for all its events) load profiles afresh for each event.</summary>
    public void ForgetLoaded()
    {
        Organisations.ForgetFetched();
        Networks.ForgetFetched();
    }

    /// <summary>
    /// An organisation's private part as the caller may see it (null unless the caller acts for it), read once per
    /// request however many of its private fields the query asks for.
    /// </summary>
    public Task<OrganisationPrivate?> OwnOrganisationAsync(string organisationId, ClaimsPrincipal? user) =>
        _ownOrganisations.GetOrAdd(organisationId, async id => await Grains.GetOrganisation(id).GetPrivateAsync(await CallerAsync(user)));

    private async Task<Caller> SignInAsync(ClaimsPrincipal? user)
    {
        if (user is null || HubIdentity.From(user) is not { } identity)
        {
            return Caller.Anonymous;
        }

        return await Grains.SignInAsync(identity.Subject, identity.Roles);
    }

    private static Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> FetchAsync<TKey, TValue>(
        Func<TKey, CancellationToken, Task<TValue>> fetchOne)
        where TKey : notnull =>
        async (keys, cancellationToken) =>
        {
            var results = new ConcurrentDictionary<TKey, TValue>();
            await Parallel.ForEachAsync(
                keys,
                new ParallelOptions { MaxDegreeOfParallelism = MaxFanOut, CancellationToken = cancellationToken },
                async (key, ct) => results[key] = await fetchOne(key, ct));
            return results;
        };
}
