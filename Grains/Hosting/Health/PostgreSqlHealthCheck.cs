using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;
using OurSociety.Federation.Storage;

namespace OurSociety.Federation.Hosting.Health;

/// <summary>
/// Ready while PostgreSQL answers <c>SELECT 1</c> within two seconds, on a pool of its own (at most two connections),
/// so a probe neither waits behind grain traffic nor takes connections from it.
/// </summary>
internal sealed class PostgreSqlHealthCheck : IHealthCheck, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgreSqlHealthCheck(IOptions<HubStorageOptions> options)
    {
        var connection = new NpgsqlConnectionStringBuilder(options.Value.ConnectionString)
        {
            Timeout = 2,
            CommandTimeout = 2,
            MaxPoolSize = 2,
            ApplicationName = "hub-health",
        };
        _dataSource = NpgsqlDataSource.Create(connection);
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = _dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("PostgreSQL answers.");
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"PostgreSQL does not answer: {e.Message}");
        }
    }

    public void Dispose() => _dataSource.Dispose();
}
