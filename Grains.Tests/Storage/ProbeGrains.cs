using OurSociety.Federation.Storage;

namespace OurSociety.Federation.Grains.Tests.Storage;

/// <summary>Two grain classes with the same key shape and the same storage, each with its own state name.</summary>
public interface IProbeGrain : IGrainWithStringKey
{
    /// <summary>Stores <paramref name="text"/> as the grain's state.</summary>
    Task SetAsync(string text);

    /// <summary>The stored text, or <see langword="null"/> when nothing was stored.</summary>
    Task<string?> GetAsync();
}

/// <summary>The first probe grain class.</summary>
public interface IAlphaProbeGrain : IProbeGrain;

/// <summary>The second probe grain class.</summary>
public interface IBetaProbeGrain : IProbeGrain;

public abstract class ProbeGrain(IPersistentState<StorageTestState> state) : Grain, IProbeGrain
{
    public async Task SetAsync(string text)
    {
        state.State = new StorageTestState(text);
        await state.WriteStateAsync();
    }

    public Task<string?> GetAsync() => Task.FromResult(state.RecordExists ? state.State.Text : null);
}

public sealed class AlphaProbeGrain([PersistentState("alpha-probe", HubStorage.Name)] IPersistentState<StorageTestState> state)
    : ProbeGrain(state), IAlphaProbeGrain;

public sealed class BetaProbeGrain([PersistentState("beta-probe", HubStorage.Name)] IPersistentState<StorageTestState> state)
    : ProbeGrain(state), IBetaProbeGrain;
