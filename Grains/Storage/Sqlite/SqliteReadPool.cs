using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace OurSociety.Federation.Storage.Sqlite;

/// <summary>A stored row: its version (the ETag) and payload, which is <see langword="null"/> after a clear.</summary>
internal readonly record struct SqliteStoredState(long Version, byte[]? Payload);

/// <summary>
/// A few read-only connections shared by concurrent reads. WAL lets them read the last committed state while the
/// writer commits, so a read never waits for a group commit.
/// </summary>
internal sealed class SqliteReadPool(string connectionString, int size) : IDisposable
{
    private const string Select = "SELECT version, payload FROM grain_state WHERE state_name = $state AND grain_id = $grain";

    private readonly ConcurrentBag<SqliteConnection> _idle = [];
    private readonly SemaphoreSlim _slots = new(size, size);

    public Task<SqliteStoredState?> ReadAsync(string stateName, string grainId) => ReadAsync(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = Select;
        command.Parameters.AddWithValue("$state", stateName);
        command.Parameters.AddWithValue("$grain", grainId);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return (SqliteStoredState?)null;
        }

        var payload = reader.IsDBNull(1) ? null : (byte[])reader.GetValue(1);
        return new SqliteStoredState(reader.GetInt64(0), payload);
    });

    /// <summary>Runs <paramref name="read"/> on one of the pool's read-only connections.</summary>
    public async Task<T> ReadAsync<T>(Func<SqliteConnection, T> read)
    {
        await _slots.WaitAsync();
        SqliteConnection? connection = null;
        try
        {
            if (!_idle.TryTake(out connection))
            {
                connection = SqliteDatabase.OpenReader(connectionString);
            }

            return read(connection);
        }
        catch
        {
            // A connection that failed mid-read is not trusted again.
            connection?.Dispose();
            connection = null;
            throw;
        }
        finally
        {
            if (connection is not null)
            {
                _idle.Add(connection);
            }

            _slots.Release();
        }
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }

        _slots.Dispose();
    }
}
