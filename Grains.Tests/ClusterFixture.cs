using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orleans.Configuration;
using Orleans.Reminders;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;
using OurSociety.Federation.Grains.Tests.Common;
using OurSociety.Federation.Hosting;
using OurSociety.Federation.Storage;

namespace OurSociety.Federation.Grains.Tests;

/// <summary>
/// One in-process Orleans cluster shared by the grain behaviour tests, with in-memory grain storage (the storage
/// backends have their own contract suite) whose writes a test can fail (<see cref="StorageFaults"/>), in-memory
/// reminders and a fake clock that drives both the grains and the reminders (its periodic timers do not catch up:
/// <see cref="NoCatchUpClock"/>). Tests use unique keys, so they never see each other.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            // The hub's storage format (Orleans' binary serializer, as AddHubStorage sets it) rather than the memory
            // provider's JSON default, so what a grain restores here is what it restores in the hub.
            silo.AddMemoryGrainStorage(StorageFaults.Inner, (OptionsBuilder<MemoryGrainStorageOptions> memory) => memory
                .Configure<Serializer>((o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer)));
            silo.Services.AddKeyedSingleton<IGrainStorage>(HubStorage.Name, (sp, _) => new StorageFaults(sp.GetRequiredKeyedService<IGrainStorage>(StorageFaults.Inner)));
            var clock = new NoCatchUpClock(Time);
            silo.Services.AddSingleton<TimeProvider>(clock);
            silo.Services.AddHubGrainServices();
            silo.AddIncomingGrainCallFilter<LinkMessageFaults>();
            silo.AddIncomingGrainCallFilter<IntroductionNoticeFaults>();
            silo.AddIncomingGrainCallFilter<FeedSegmentFaults>();
            silo.AddIncomingGrainCallFilter<StatisticsPokeFaults>();

            // Reminders (and the introductions' deadlines, measured on their clock) on the same fake clock; tests that
            // need a deadline handled tick the grain as the reminder service would.
            silo.UseInMemoryReminderService();
            silo.Services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, clock);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
