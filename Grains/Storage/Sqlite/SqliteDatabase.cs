using Microsoft.Data.Sqlite;

namespace OurSociety.Federation.Storage.Sqlite;

/// <summary>
/// Opens connections to the hub's embedded database file with the settings that make an acknowledged write durable:
/// write-ahead logging with <c>synchronous=FULL</c>, so every commit is fsynced before the caller is told it succeeded.
/// </summary>
internal static class SqliteDatabase
{
    public const string FileName = "hub.db";

    // grain_state: one row per (state name, grain id). reminder: Orleans reminders (see SqliteReminderTable), one row per
    // (service, grain, reminder name), with the grain's uniform hash (0 to 2^32-1) for the range reads of each silo.
    // One row per (state name, grain id). A plain rowid table rather than WITHOUT ROWID: payloads can be megabytes,
    // and SQLite keeps large rows out of the primary-key b-tree only in rowid tables.
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS grain_state (
            state_name  TEXT    NOT NULL,
            grain_id    TEXT    NOT NULL,
            version     INTEGER NOT NULL,
            payload     BLOB,
            modified_at INTEGER NOT NULL,
            PRIMARY KEY (state_name, grain_id)
        );
        CREATE TABLE IF NOT EXISTS reminder (
            service_id  TEXT    NOT NULL,
            grain_id    TEXT    NOT NULL,
            name        TEXT    NOT NULL,
            start_at    INTEGER NOT NULL,
            period_ms   INTEGER NOT NULL,
            grain_hash  INTEGER NOT NULL,
            version     INTEGER NOT NULL,
            PRIMARY KEY (service_id, grain_id, name)
        );
        CREATE INDEX IF NOT EXISTS reminder_by_hash ON reminder (service_id, grain_hash);
        PRAGMA user_version = 2;
        """;

    public static string ConnectionString(string dataDirectory)
    {
        var directory = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(directory);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, FileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            // The storage holds its own long-lived connections; without pooling, disposing them really closes the file.
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>Opens the single writer connection and makes sure the schema exists.</summary>
    public static SqliteConnection OpenWriter(string connectionString) =>
        // journal_mode=WAL is persistent in the file; synchronous is per connection and only matters for the writer.
        // No automatic checkpoints: SqliteCheckpointer copies the log on a connection of its own. journal_size_limit
        // truncates the log file when it starts again, so a burst does not leave a large file behind.
        Open(connectionString, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000; PRAGMA wal_autocheckpoint = 0; PRAGMA journal_size_limit = 67108864;", Schema);

    /// <summary>
    /// Opens the connection that checkpoints the log. Its checkpoint fsyncs the database file before it marks log frames
    /// as copied, as the writer's would.
    /// </summary>
    public static SqliteConnection OpenCheckpointer(string connectionString) =>
        Open(connectionString, "PRAGMA busy_timeout = 30000; PRAGMA synchronous = FULL;");

    /// <summary>Opens a connection that only reads; in WAL mode readers never block the writer or each other.</summary>
    public static SqliteConnection OpenReader(string connectionString) =>
        Open(connectionString, "PRAGMA busy_timeout = 30000; PRAGMA query_only = 1;");

    /// <summary>Opens a connection and runs <paramref name="statements"/> on it in order; disposes of it if any fails.</summary>
    private static SqliteConnection Open(string connectionString, params string[] statements)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            foreach (var statement in statements)
            {
                Execute(connection, statement);
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
