using System.Reflection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace OurSociety.Federation.Storage.PostgreSql;

/// <summary>
/// Applies the hub's PostgreSQL scripts (embedded <c>Storage/PostgreSql/NNNN-*.sql</c>): the Orleans query table and the
/// tables, functions and queries of the ADO.NET providers. Every script is idempotent, so applying is safe on every
/// start and from several silos at once.
/// </summary>
public static class PostgreSqlSchema
{
    // An arbitrary constant shared by every starter: pg_advisory_xact_lock serialises concurrent applies on one database.
    private const long AdvisoryLockKey = 0x4855_4253_4348_454D; // "HUBSCHEM"

    private const string ResourceSuffix = ".sql";

    /// <summary>The embedded scripts in the order they run.</summary>
    public static IReadOnlyList<(string Name, string Sql)> Scripts { get; } = LoadScripts();

    /// <summary>
    /// Runs every script in name order inside one transaction, holding a transaction-scoped advisory lock so that
    /// concurrent starters wait for each other instead of racing on <c>CREATE … IF NOT EXISTS</c>.
    /// </summary>
    public static async Task ApplyAsync(string connectionString, CancellationToken cancellationToken, ILogger? logger = null)
    {
        logger ??= NullLogger.Instance;
        StorageLog.ApplyingPostgreSqlSchema(logger, string.Join(", ", Scripts.Select(s => s.Name)));

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await using (var take = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            take.Parameters.AddWithValue("key", AdvisoryLockKey);
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var (_, sql) in Scripts)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        StorageLog.AppliedPostgreSqlSchema(logger);
    }

    private static List<(string Name, string Sql)> LoadScripts()
    {
        var assembly = typeof(PostgreSqlSchema).Assembly;
        var prefix = typeof(PostgreSqlSchema).Namespace + ".";
        return
        [
            .. assembly.GetManifestResourceNames()
                .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(ResourceSuffix, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .Select(n => (n[prefix.Length..], Read(assembly, n))),
        ];
    }

    private static string Read(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded script {resourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
