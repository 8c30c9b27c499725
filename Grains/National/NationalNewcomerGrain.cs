using OurSociety.Federation.Common;
using OurSociety.Federation.Storage;

namespace OurSociety.Federation.National;

/// <inheritdoc cref="INationalNewcomerGrain"/>
public sealed class NationalNewcomerGrain(
    [PersistentState("nationalnewcomer", HubStorage.Name)] IPersistentState<NationalNewcomer> state) : Grain, INationalNewcomerGrain
{
    public async Task<FirstActivity> ClaimAsync(FirstActivity candidate)
    {
        if (state.State.First is { } held)
        {
            return held;
        }

        state.State.First = candidate;
        await state.WriteOrDeactivateAsync(DeactivateOnIdle);
        return candidate;
    }
}
