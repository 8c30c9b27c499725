using Npgsql;

namespace OurSociety.Federation.Grains.Tests.Storage;

/// <summary>A fresh database per test class (<c>hub_test_…</c>), dropped afterwards.</summary>
public sealed class PostgreSqlBackend : IStorageBackend
{
    private string? _connectionString;

    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("The test database was not created.");

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Hub:Storage:Provider"] = "PostgreSql",
        ["Hub:Storage:ConnectionString"] = ConnectionString,
        ["Hub:Storage:ApplySchemaAtStart"] = "true",
    };

    public async Task InitializeAsync()
    {
        // Outside CI with no server the tests are skipped at discovery; nothing to create.
        if (PostgreSqlTestServer.SkipReason is null)
        {
            // Orleans' ADO.NET storage opens a pooled connection per operation; cap the pool well under the server's
            // max_connections, as production must (pool size × silos < max_connections).
            var database = await PostgreSqlTestServer.CreateDatabaseAsync();
            _connectionString = new NpgsqlConnectionStringBuilder(database) { MaxPoolSize = 40 }.ConnectionString;
        }
    }

    public async Task DisposeAsync()
    {
        if (_connectionString is not null)
        {
            await PostgreSqlTestServer.DropDatabaseAsync(_connectionString);
        }
    }
}
