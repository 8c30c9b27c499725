using Microsoft.Extensions.Logging;

namespace OurSociety.Federation.Storage.Sqlite;

/// <summary>
/// The embedded database file, shared by the grain storage and the reminder table so that both write through one
/// writer connection (and share its group commits) and read through one pool. Each user acquires it when the silo
/// starts it and releases it when the silo stops it; the last release commits what is queued and closes the file.
/// </summary>
public sealed class SqliteStore(string dataDirectory, TimeProvider time, ILogger<SqliteStore> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _users;
    private SqliteGroupCommitWriter? _writer;
    private SqliteReadPool? _readers;

    /// <summary>The folder of the database file.</summary>
    public string DataDirectory => dataDirectory;

    internal SqliteGroupCommitWriter Writer => _writer ?? throw NotOpen();

    internal SqliteReadPool Readers => _readers ?? throw NotOpen();

    /// <summary>Opens the file (creating folder, file and tables if missing) for its first user.</summary>
    public async Task AcquireAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_users++ == 0)
            {
                var connectionString = SqliteDatabase.ConnectionString(dataDirectory);
                _writer = new SqliteGroupCommitWriter(connectionString, time, logger);
                _readers = new SqliteReadPool(connectionString, Math.Clamp(Environment.ProcessorCount, 2, 8));
                StorageLog.SqliteOpened(logger, Path.Combine(Path.GetFullPath(dataDirectory), SqliteDatabase.FileName));
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Commits what is queued and closes every connection once its last user has released it.</summary>
    public async Task ReleaseAsync()
    {
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            if (_users == 0 || --_users > 0)
            {
                return;
            }

            await _writer!.DisposeAsync();
            _readers!.Dispose();
            _writer = null;
            _readers = null;
            StorageLog.SqliteClosed(logger, Path.Combine(Path.GetFullPath(dataDirectory), SqliteDatabase.FileName));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Closes the file whoever still holds it (the container disposes the store when the host ends).</summary>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            _users = 0;
            if (_writer is not null)
            {
                await _writer.DisposeAsync();
                _readers!.Dispose();
                _writer = null;
                _readers = null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private static InvalidOperationException NotOpen() =>
        new("The hub's embedded database is not open: it opens when the silo starts and closes when it stops.");
}
