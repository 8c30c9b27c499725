using OurSociety.Federation.Storage;

namespace OurSociety.Federation.Common;

[GenerateSerializer, Alias("RequestState")]
public sealed class RequestState
{
    [Id(0)]
    public string? ResultId { get; set; }
}

/// <inheritdoc cref="IRequestGrain"/>
public sealed class RequestGrain(
    [PersistentState("request", HubStorage.Name)] IPersistentState<RequestState> state) : Grain, IRequestGrain
{
    public async Task<string> ClaimAsync(string proposedId)
    {
        if (state.State.ResultId is { } id)
        {
            return id;
        }

        state.State.ResultId = proposedId;
        await state.WriteOrDeactivateAsync(DeactivateOnIdle);
        return proposedId;
    }
}
