using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using OurSociety.Federation.Hosting;
using OurSociety.Federation.Storage.PostgreSql;
using OurSociety.Federation.Storage.Sqlite;

namespace OurSociety.Federation.Storage;

/// <summary>Registers the hub's grain storage (named <see cref="HubStorage.Name"/>) and reminders from the <c>Hub:Storage</c> section.</summary>
public static class HubStorageSiloBuilderExtensions
{
    /// <summary>
    /// Binds and validates <see cref="HubStorageOptions"/> (a bad setting stops the host at start with its message) and
    /// adds the grain storage that <c>[PersistentState("…", HubStorage.Name)]</c> resolves: the embedded SQLite store, or
    /// Orleans' ADO.NET storage on PostgreSQL with the hub's schema applied first when <c>ApplySchemaAtStart</c> is set.
    /// Both use Orleans' binary serializer, so a state written by one backend reads the same in the other. Reminders
    /// are durable on both: the hub's own reminder table in the same SQLite file, or Orleans' ADO.NET reminder table.
    /// </summary>
    public static ISiloBuilder AddHubStorage(this ISiloBuilder builder, IConfiguration configuration)
    {
        var section = configuration.GetSection(HubStorageOptions.Section);
        var settings = section.Get<HubStorageOptions>() ?? new HubStorageOptions();
        var services = builder.Services;

        services.AddOptions<HubStorageOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();

        // Orleans' own version-tolerant binary format instead of the JSON default: compact, fast, and it honours
        // [GenerateSerializer]/[Id(n)] so states evolve by appending fields. Storage providers look for a serializer
        // keyed by their name before the silo-wide default.
        services.TryAddKeyedSingleton<IGrainStorageSerializer>(
            HubStorage.Name,
            (sp, _) => new OrleansGrainStorageSerializer(sp.GetRequiredService<Serializer>()));

        switch (settings.Provider)
        {
            case StorageProvider.PostgreSql:
                if (settings.ApplySchemaAtStart)
                {
                    services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, PostgreSqlSchemaStartup>();
                }

                builder.AddAdoNetGrainStorage(HubStorage.Name, (OptionsBuilder<AdoNetGrainStorageOptions> ado) => ado
                    .Configure<IServiceProvider, IOptions<HubStorageOptions>>((o, sp, hub) =>
                    {
                        o.Invariant = "Npgsql";
                        o.ConnectionString = hub.Value.ConnectionString;
                        o.GrainStorageSerializer = sp.GetRequiredKeyedService<IGrainStorageSerializer>(HubStorage.Name);
                        // The hub's scripts have no DeleteStorageKey: a clear keeps the row and bumps its version.
                        o.DeleteStateOnClear = false;
                    }));
                builder.UseAdoNetReminderService(o => (o.Invariant, o.ConnectionString) = ("Npgsql", settings.ConnectionString));
                break;

            default:
                // One database file for grain state and reminders, written through one writer.
                services.TryAddSingleton(sp => new SqliteStore(
                    sp.GetRequiredService<IOptions<HubStorageOptions>>().Value.DataDirectory,
                    sp.GetService<TimeProvider>() ?? TimeProvider.System,
                    sp.GetRequiredService<ILogger<SqliteStore>>()));
                services.AddGrainStorage(HubStorage.Name, SqliteGrainStorage.Create);
                builder.AddReminders();
                services.AddSingleton<IReminderTable, SqliteReminderTable>();
                break;
        }

        return builder;
    }

    /// <summary>
    /// The <c>migrate</c> command: validates the <c>Hub:Storage</c> settings and brings the configured store's schema up
    /// to date (PostgreSQL scripts, or the SQLite file and its table), then returns. Safe to run any number of times.
    /// </summary>
    public static async Task MigrateHubStorageAsync(IConfiguration configuration, CancellationToken cancellationToken = default)
    {
        var settings = HubSettings.Read<HubStorageOptions>(configuration, HubStorageOptions.Section);

        if (settings.Provider == StorageProvider.PostgreSql)
        {
            await PostgreSqlSchema.ApplyAsync(settings.ConnectionString!, cancellationToken);
        }
        else
        {
            using var connection = SqliteDatabase.OpenWriter(SqliteDatabase.ConnectionString(settings.DataDirectory));
        }
    }
}
