using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace OurSociety.Federation.Storage.Sqlite;

/// <summary>
/// The only connection that writes. A single loop takes every request that is waiting (grain state writes, and the
/// reminder table's rows), applies them in one transaction (each with its own ETag check) and commits once, so one
/// fsync acknowledges the whole group.
/// Under load the group grows by itself; with one caller it is a plain transaction per write.
/// </summary>
internal sealed class SqliteGroupCommitWriter : IAsyncDisposable
{
    // Bounds on one group, so a burst of huge states cannot make the first caller wait for megabytes of others.
    private const int MaxGroupRequests = 1024;
    private const long MaxGroupBytes = 32L * 1024 * 1024;

    private readonly Channel<SqliteWriteRequest> _requests =
        Channel.CreateUnbounded<SqliteWriteRequest>(new UnboundedChannelOptions { SingleReader = true });

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _update;
    private readonly SqliteCommand _clear;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SqliteCheckpointer _checkpointer;
    private readonly Task _loop;

    public SqliteGroupCommitWriter(string connectionString, TimeProvider time, ILogger logger)
    {
        _time = time;
        _logger = logger;
        _connection = SqliteDatabase.OpenWriter(connectionString);
        _checkpointer = new SqliteCheckpointer(connectionString, logger);

        // First write: only if no row exists. A lost race inserts nothing, which the caller sees as a version conflict.
        _insert = Command("""
            INSERT INTO grain_state (state_name, grain_id, version, payload, modified_at)
            VALUES ($state, $grain, 1, $payload, $now)
            ON CONFLICT (state_name, grain_id) DO NOTHING
            """);
        _update = Command("""
            UPDATE grain_state SET version = version + 1, payload = $payload, modified_at = $now
            WHERE state_name = $state AND grain_id = $grain AND version = $expected
            """);
        // A clear keeps the row (payload NULL, version bumped) so the ETag keeps increasing, as on PostgreSQL.
        _clear = Command("""
            UPDATE grain_state SET version = version + 1, payload = NULL, modified_at = $now
            WHERE state_name = $state AND grain_id = $grain AND version = $expected
            """);

        _loop = Task.Run(RunAsync);
    }

    public Task<long?> SubmitAsync(SqliteWriteRequest request)
    {
        if (!_requests.Writer.TryWrite(request))
        {
            throw new ObjectDisposedException(nameof(SqliteGroupCommitWriter), "The hub's SQLite grain storage has stopped.");
        }

        return request.Completion;
    }

    public async ValueTask DisposeAsync()
    {
        // Requests already queued are still committed; new ones are refused.
        _requests.Writer.TryComplete();
        await _loop;
        await _checkpointer.DisposeAsync();

        // Leave the file whole and the log empty, so a copy of the data folder is the database.
        SqliteDatabase.Execute(_connection, "PRAGMA wal_checkpoint(TRUNCATE);");

        _insert.Dispose();
        _update.Dispose();
        _clear.Dispose();
        await _connection.DisposeAsync();
    }

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add("$state", SqliteType.Text);
        command.Parameters.Add("$grain", SqliteType.Text);
        command.Parameters.Add("$now", SqliteType.Integer);
        if (sql.Contains("$payload", StringComparison.Ordinal))
        {
            command.Parameters.Add("$payload", SqliteType.Blob);
        }

        if (sql.Contains("$expected", StringComparison.Ordinal))
        {
            command.Parameters.Add("$expected", SqliteType.Integer);
        }

        command.Prepare();
        return command;
    }

    private async Task RunAsync()
    {
        var group = new List<SqliteWriteRequest>(MaxGroupRequests);
        while (await _requests.Reader.WaitToReadAsync())
        {
            group.Clear();
            long bytes = 0;
            while (group.Count < MaxGroupRequests && bytes < MaxGroupBytes && _requests.Reader.TryRead(out var request))
            {
                group.Add(request);
                bytes += request.Payload?.Length ?? 0;
            }

            if (!TryCommit(group, out var failure))
            {
                StorageLog.GroupCommitFailed(_logger, failure, group.Count);
                if (group.Count == 1)
                {
                    group[0].Fail(failure);
                    continue;
                }

                // Commit one by one so a request that cannot be written fails alone, not its whole group.
                foreach (var request in group)
                {
                    if (!TryCommit([request], out var single))
                    {
                        request.Fail(single);
                    }
                }
            }
        }
    }

    private bool TryCommit(List<SqliteWriteRequest> group, out Exception failure)
    {
        var versions = new long?[group.Count];
        try
        {
            // BEGIN IMMEDIATE: take the write lock up front instead of upgrading mid-transaction.
            using (var transaction = _connection.BeginTransaction(deferred: false))
            {
                var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
                for (var i = 0; i < group.Count; i++)
                {
                    versions[i] = Apply(group[i], transaction, now);
                }

                transaction.Commit();
            }

            _checkpointer.Committed();
        }
        catch (Exception exception)
        {
            failure = exception;
            return false;
        }

        for (var i = 0; i < group.Count; i++)
        {
            group[i].Complete(versions[i]);
        }

        failure = null!;
        return true;
    }

    private long? Apply(SqliteWriteRequest request, SqliteTransaction transaction, long now)
    {
        if (request.Operation is { } operation)
        {
            return operation(_connection, transaction);
        }

        var command = request switch
        {
            { IsClear: true } => _clear,
            { ExpectedVersion: null } => _insert,
            _ => _update,
        };

        command.Transaction = transaction;
        command.Parameters["$state"].Value = request.StateName;
        command.Parameters["$grain"].Value = request.GrainId;
        command.Parameters["$now"].Value = now;
        if (!request.IsClear)
        {
            command.Parameters["$payload"].Value = request.Payload;
        }

        if (command != _insert)
        {
            command.Parameters["$expected"].Value = (object?)request.ExpectedVersion ?? DBNull.Value;
        }

        // Exactly one row changed means the ETag matched (or, for a first write, no row existed).
        var changed = command.ExecuteNonQuery();
        return changed == 1 ? (request.ExpectedVersion ?? 0) + 1 : null;
    }
}
