namespace OurSociety.Federation.Grains.Tests.Storage;

/// <summary>A store for one test class: created before its first test, removed after its last.</summary>
public interface IStorageBackend : IAsyncLifetime
{
    /// <summary>The <c>Hub:Storage</c> settings a silo needs to use this store.</summary>
    IReadOnlyDictionary<string, string?> Settings { get; }
}
