using Npgsql;

namespace OurSociety.Federation.Grains.Tests.Storage;

/// <summary>
/// The PostgreSQL server the tests may create databases on, named by <c>HUB_TEST_POSTGRES</c> (a server-level connection
/// string, e.g. <c>Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres</c>). <c>./scripts/test</c> starts a
/// throwaway server and sets it.
/// </summary>
internal static class PostgreSqlTestServer
{
    public const string Variable = "HUB_TEST_POSTGRES";

    private const string HowToRun =
        "Run ./scripts/test (it starts a throwaway PostgreSQL and sets " + Variable + "), or set " + Variable +
        " to a connection string of a server where the tests may create databases.";

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why PostgreSQL tests are skipped, or <see langword="null"/> when they must run (configured, or under CI).</summary>
    public static string? SkipReason => ConnectionString is null && !IsCi ? $"{Variable} is not set. {HowToRun}" : null;

    /// <summary>Creates a fresh database and returns a connection string to it.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var server = ConnectionString
            ?? throw new InvalidOperationException($"{Variable} is not set and CI=true, so the PostgreSQL tests cannot be skipped. {HowToRun}");
        var name = $"hub_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await using var server = new NpgsqlConnection(ConnectionString);
        await server.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", server);
        await drop.ExecuteNonQueryAsync();
    }
}
