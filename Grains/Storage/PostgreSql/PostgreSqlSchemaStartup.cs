using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OurSociety.Federation.Storage.PostgreSql;

/// <summary>
/// Applies <see cref="PostgreSqlSchema"/> while the silo starts, at a stage before any ADO.NET provider reads
/// <c>OrleansQuery</c> (grain storage initialises at <see cref="ServiceLifecycleStage.ApplicationServices"/>, clustering at
/// <see cref="ServiceLifecycleStage.RuntimeInitialize"/>).
/// </summary>
internal sealed class PostgreSqlSchemaStartup(IOptions<HubStorageOptions> options, ILogger<PostgreSqlSchemaStartup> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public const int Stage = ServiceLifecycleStage.RuntimeInitialize - 100;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(PostgreSqlSchemaStartup), Stage, ApplyAsync);

    private Task ApplyAsync(CancellationToken cancellationToken) =>
        PostgreSqlSchema.ApplyAsync(options.Value.ConnectionString!, cancellationToken, logger);
}
