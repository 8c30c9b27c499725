using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using OurSociety.Federation.Storage;

namespace OurSociety.Federation.Grains.Tests.Storage;

/// <summary>A one-silo in-process cluster configured with <c>AddHubStorage</c>, as the hub's silo is.</summary>
public sealed class HubTestSilo : IAsyncDisposable
{
    // Fixed so that a restarted silo finds the rows the previous one wrote (PostgreSQL keys rows by ServiceId).
    private const string ServiceId = "hub-storage-tests";

    private readonly InProcessTestCluster _cluster;

    private HubTestSilo(InProcessTestCluster cluster) => _cluster = cluster;

    public IClusterClient Client => _cluster.Client;

    public IServiceProvider Services => _cluster.GetSiloServiceProvider();

    /// <summary>The grain storage that <c>[PersistentState(…, HubStorage.Name)]</c> resolves.</summary>
    public IGrainStorage Storage => Services.GetRequiredKeyedService<IGrainStorage>(HubStorage.Name);

    public static async Task<HubTestSilo> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ServiceId = ServiceId;
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) => silo.AddHubStorage(configuration));
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return new HubTestSilo(cluster);
    }

    public async ValueTask DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
    }
}
