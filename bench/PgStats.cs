using Npgsql;

namespace OurSociety.Federation.Bench;

/// <summary>Server-side counters, to see how many transactions and WAL bytes a workload costs.</summary>
public sealed record PgStats(long Commits, long WalBytes)
{
    public static async Task<PgStats> SnapshotAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT xact_commit, pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint FROM pg_stat_database WHERE datname = current_database()", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new PgStats(reader.GetInt64(0), reader.GetInt64(1));
    }

    public static async Task<string> SettingsAsync(NpgsqlDataSource source)
    {
        await using var command = source.CreateCommand(
            "SELECT string_agg(name || '=' || setting, ', ' ORDER BY name) FROM pg_settings WHERE name IN ('synchronous_commit', 'fsync', 'wal_sync_method', 'shared_buffers', 'max_connections', 'server_version')");
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
