using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace OurSociety.Federation.Storage.Sqlite;

/// <summary>
/// Moves committed pages from the write-ahead log into the database file on a connection of its own, so the writer never
/// pays for it. SQLite's automatic checkpoint runs inside the commit that crosses its threshold: that commit then copies
/// and fsyncs megabytes while every grain waiting on the group commit waits with it. A PASSIVE checkpoint here takes no
/// lock that the writer or the readers need; when it has copied the whole log, the writer's next transaction starts the
/// log again from its beginning.
/// </summary>
internal sealed class SqliteCheckpointer : IAsyncDisposable
{
    /// <summary>How often the log is checked: at a few megabytes per second of commits, a few megabytes of log at most.</summary>
    private static readonly TimeSpan _interval = TimeSpan.FromMilliseconds(250);

    private readonly SqliteConnection _connection;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _commits;
    private long _checkpointedAt;

    public SqliteCheckpointer(string connectionString, ILogger logger)
    {
        _logger = logger;
        _connection = SqliteDatabase.OpenCheckpointer(connectionString);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>The writer tells it of each commit, so an idle database is not checkpointed over and over.</summary>
    public void Committed() => Interlocked.Increment(ref _commits);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        await _connection.DisposeAsync();
    }

    private async Task RunAsync()
    {
        // A background chore on the real clock: a test's fake clock must not stop the log being copied.
        using var timer = new PeriodicTimer(_interval);
        while (await timer.WaitForNextTickAsync(_stop.Token))
        {
            var commits = Interlocked.Read(ref _commits);
            if (commits == _checkpointedAt)
            {
                continue;
            }

            try
            {
                SqliteDatabase.Execute(_connection, "PRAGMA wal_checkpoint(PASSIVE);");
                _checkpointedAt = commits;
            }
            catch (SqliteException e)
            {
                // The log keeps growing until the next try; nothing committed is at risk.
                StorageLog.CheckpointFailed(_logger, e);
            }
        }
    }
}
