using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Reminders;
using Orleans.Storage;
using Orleans.TestingHost;
using OurSociety.Federation.Hosting;
using OurSociety.Federation.Storage;

namespace OurSociety.Federation.Grains.Tests.Storage;

/// <summary>A one-silo in-process cluster configured with the hub's grain services and <c>AddHubStorage</c>, as the hub's silo is.</summary>
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

    /// <summary>
    /// Starts the silo on <paramref name="settings"/>. With <paramref name="time"/>, the reminder service (and so the
    /// introductions' deadlines) run on that clock (see <see cref="AdvanceUntilAsync"/>).
    /// </summary>
    public static async Task<HubTestSilo> StartAsync(IReadOnlyDictionary<string, string?> settings, FakeTimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ServiceId = ServiceId;
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            if (time is not null)
            {
                // Only the reminder service's clock (which introductions measure their deadlines on): Orleans' own
                // timers keep the system clock, so moving the fake one by days does not upset the silo's health checks.
                silo.Services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, time);
            }

            silo.Services.AddHubGrainServices();
            silo.AddHubStorage(configuration);
        });
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

    /// <summary>
    /// Moves a fake clock on in steps of <paramref name="step"/>, pausing briefly after each so the reminder service can
    /// deliver what fell due and schedule what comes next, until <paramref name="done"/> holds; gives up (returning
    /// false) after <paramref name="limit"/>. Steps shorter than a reminder's period let the service see each tick fall
    /// due; one long jump (or steps as long as the period) can pass a tick without delivering it.
    /// </summary>
    public static async Task<bool> AdvanceUntilAsync(FakeTimeProvider time, TimeSpan step, TimeSpan limit, Func<Task<bool>> done)
    {
        for (var moved = TimeSpan.Zero; moved <= limit; moved += step)
        {
            if (await done())
            {
                return true;
            }

            time.Advance(step);

            // Give what fell due a moment of real time before moving on.
            for (var waited = 0; waited < 300 && !await done(); waited += 20)
            {
                await Task.Delay(20);
            }
        }

        return await done();
    }

    public async ValueTask DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
    }
}
