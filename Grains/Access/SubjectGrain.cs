using OurSociety.Federation.Common;
using OurSociety.Federation.Storage;

namespace OurSociety.Federation.Access;

/// <inheritdoc cref="ISubjectGrain"/>
public sealed class SubjectGrain(
    [PersistentState("subject", HubStorage.Name)] IPersistentState<SubjectState> state) : Grain, ISubjectGrain
{
    /// <summary>How many organisations and networks one subject may be part of, which bounds the state.</summary>
    public const int MaxEntries = 200;

    public Task<SubjectScopes> GetScopesAsync() =>
        Task.FromResult(new SubjectScopes([.. state.State.Organisations], [.. state.State.Networks]));

    public Task SetOrganisationAsync(string organisationId, bool member) => SetAsync(state.State.Organisations, organisationId, member);

    public Task SetNetworkAsync(string networkSlug, bool coordinator) => SetAsync(state.State.Networks, networkSlug, coordinator);

    private async Task SetAsync(List<string> list, string key, bool present)
    {
        if (list.Contains(key) == present)
        {
            return;
        }

        if (present)
        {
            if (list.Count >= MaxEntries)
            {
                throw new HubException(ErrorCodes.TooMany, $"One person may be part of at most {MaxEntries} organisations and {MaxEntries} networks.");
            }

            list.Add(key);
        }
        else
        {
            list.Remove(key);
        }

        await state.WriteOrDeactivateAsync(DeactivateOnIdle);
    }
}
