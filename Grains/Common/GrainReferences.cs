using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace OurSociety.Federation.Common;

/// <summary>
/// Grain references by interface and string key, made without Orleans' per-call lookup. <c>GetGrain&lt;T&gt;(key)</c> resolves
/// the interface's identity from its attributes by reflection on every call in this Orleans version (about a third of a
/// reference's cost being that reflection, and an introduction's round trip makes some twenty references); here each
/// factory resolves it once per interface, from the first reference it makes, and later references are built from the
/// grain id directly. The references are the same: same grain, same interface.
/// </summary>
public static class GrainReferences
{
    private static readonly ConditionalWeakTable<IGrainFactory, ConcurrentDictionary<Type, (GrainType Grain, GrainInterfaceType Interface)>> _types = [];

    /// <summary>The grain of interface <typeparamref name="T"/> with key <paramref name="key"/>, as <c>GetGrain&lt;T&gt;(key)</c> gives it.</summary>
    public static T Get<T>(this IGrainFactory grains, string key)
        where T : IGrainWithStringKey
    {
        var types = _types.GetOrCreateValue(grains);
        if (types.TryGetValue(typeof(T), out var known))
        {
            return (T)grains.GetGrain(GrainId.Create(known.Grain, key), known.Interface);
        }

        var made = grains.GetGrain<T>(key);
        if (made is GrainReference reference)
        {
            types.TryAdd(typeof(T), (reference.GrainId.Type, reference.InterfaceType));
        }

        return made;
    }
}
