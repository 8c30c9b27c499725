using System.Collections.Concurrent;
using Orleans.Storage;
using OurSociety.Federation.Common;

namespace OurSociety.Federation.Grains.Tests.Common;

/// <summary>
/// The test cluster's grain storage: the in-memory storage, with writes of chosen grains failed on request, as an
/// unreachable database would fail them (nothing is written).
/// </summary>
public sealed class StorageFaults(IGrainStorage inner) : IGrainStorage
{
    /// <summary>The name the in-memory storage is registered under, behind this one.</summary>
    public const string Inner = "hub-memory";

    private static readonly ConcurrentDictionary<GrainId, int> _faults = new();

    /// <summary>Fails the next <paramref name="count"/> writes of <paramref name="grain"/>'s state.</summary>
    public static void FailNextWrites(GrainId grain, int count = 1) => _faults[grain] = count;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        _faults.TryGetValue(grainId, out var left) && left > 0 && _faults.TryUpdate(grainId, left - 1, left)
            ? Task.FromException(new StorageUnavailableException($"Storage did not answer (injected fault writing {stateName} of {grainId})."))
            : inner.WriteStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);
}
