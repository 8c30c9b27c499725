using Npgsql;

namespace OurSociety.Federation.Api.Tests.Hub;

/// <summary>
/// A fresh PostgreSQL database per use, on the server named by <c>HUB_TEST_POSTGRES</c> (the test command starts
/// one). Without it the tests fail under CI and are skipped with this reason elsewhere.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "HUB_TEST_POSTGRES";

    public static string? ServerConnectionString => Environment.GetEnvironmentVariable(Variable);

    public static string? SkipReason =>
        ServerConnectionString is not null || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? null
            : $"PostgreSQL tests need {Variable}; run them with ./scripts/test, which starts a throwaway server.";

    public static async Task<string> CreateDatabaseAsync()
    {
        var server = ServerConnectionString
            ?? throw new InvalidOperationException($"{Variable} is not set: CI must run the PostgreSQL tests. Run ./scripts/test, which starts a server.");
        var name = "hub_api_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }
}

/// <summary>A fact that needs PostgreSQL: skipped with a reason outside CI when no server is configured, never skipped in CI.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = TestPostgres.SkipReason;
}
