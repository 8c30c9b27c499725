using Npgsql;
using OurSociety.Federation.Storage.PostgreSql;

namespace OurSociety.Federation.Grains.Tests.Storage;

/// <summary>The hub's PostgreSQL scripts: safe to apply again and concurrently, and complete for the providers.</summary>
[RequiresPostgreSql]
public sealed class PostgreSqlSchemaTests(PostgreSqlBackend backend) : IClassFixture<PostgreSqlBackend>
{
    // Every query Orleans' ADO.NET grain storage reads at start (DeleteStorageKey only with DeleteStateOnClear = true).
    public static readonly string[] PersistenceQueryKeys = ["WriteToStorageKey", "ReadFromStorageKey", "ClearStorageKey"];

    // Every query Orleans' ADO.NET clustering requires at start (10.4.2 fails to start when one is missing).
    public static readonly string[] ClusteringQueryKeys =
    [
        "GatewaysQueryKey", "MembershipReadRowKey", "MembershipReadAllKey", "InsertMembershipVersionKey", "UpdateIAmAlivetimeKey",
        "InsertMembershipKey", "UpdateMembershipKey", "DeleteMembershipTableEntriesKey", "CleanupDefunctSiloEntriesKey",
    ];

    // Every query Orleans' ADO.NET reminder table requires.
    public static readonly string[] ReminderQueryKeys =
    [
        "ReadReminderRowsKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "ReadReminderRowKey", "UpsertReminderRowKey",
        "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    [BackendFact]
    public async Task Applying_the_schema_twice_succeeds_and_keeps_one_row_per_query()
    {
        await PostgreSqlSchema.ApplyAsync(backend.ConnectionString, CancellationToken.None);
        var first = await QueryKeysAsync(backend.ConnectionString);
        await PostgreSqlSchema.ApplyAsync(backend.ConnectionString, CancellationToken.None);

        Assert.Equal(first, await QueryKeysAsync(backend.ConnectionString));
    }

    [BackendFact]
    public async Task Applying_the_schema_from_several_starters_at_once_succeeds()
    {
        var database = await PostgreSqlTestServer.CreateDatabaseAsync();
        try
        {
            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => PostgreSqlSchema.ApplyAsync(database, CancellationToken.None))));
            await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => PostgreSqlSchema.ApplyAsync(database, CancellationToken.None))));

            Assert.Superset(PersistenceQueryKeys.ToHashSet(), (await QueryKeysAsync(database)).ToHashSet());
        }
        finally
        {
            await PostgreSqlTestServer.DropDatabaseAsync(database);
        }
    }

    [BackendFact]
    public async Task Every_query_key_the_providers_need_is_in_OrleansQuery()
    {
        await PostgreSqlSchema.ApplyAsync(backend.ConnectionString, CancellationToken.None);

        var keys = await QueryKeysAsync(backend.ConnectionString);

        Assert.All(PersistenceQueryKeys.Concat(ClusteringQueryKeys).Concat(ReminderQueryKeys), key => Assert.Contains(key, keys));
    }

    [BackendFact]
    public async Task Reapplying_the_schema_keeps_stored_grain_state()
    {
        await PostgreSqlSchema.ApplyAsync(backend.ConnectionString, CancellationToken.None);
        await using var connection = new NpgsqlConnection(backend.ConnectionString);
        await connection.OpenAsync();
        await using (var write = new NpgsqlCommand(
            "SELECT NewGrainStateVersion FROM hub_write_grain_state(1, 0, 7, 2, 'schema-test', 'kept', 'svc', NULL, '\\x2a'::bytea)", connection))
        {
            Assert.Equal(1, await write.ExecuteScalarAsync());
        }

        await PostgreSqlSchema.ApplyAsync(backend.ConnectionString, CancellationToken.None);

        await using var read = new NpgsqlCommand("SELECT Version FROM OrleansStorage WHERE GrainIdExtensionString = 'kept'", connection);
        Assert.Equal(1, await read.ExecuteScalarAsync());
    }

    private static async Task<List<string>> QueryKeysAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }
}
