using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using OurSociety.Federation.Grains.Tests.Common;
using OurSociety.Federation.Storage.Sqlite;

namespace OurSociety.Federation.Grains.Tests.Storage;

/// <summary>The embedded store copies its write-ahead log into the database file off the write path, and empties it when it closes.</summary>
public sealed class SqliteCheckpointTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"hub-checkpoint-{Guid.NewGuid():N}");

    private string Database => Path.Combine(_directory, SqliteDatabase.FileName);

    private string Log => Database + "-wal";

    [Fact]
    public async Task Committed_writes_reach_the_database_file_while_the_store_runs_and_the_log_is_empty_once_it_closes()
    {
        var store = new SqliteStore(_directory, TimeProvider.System, NullLogger<SqliteStore>.Instance);
        await store.AcquireAsync(CancellationToken.None);
        var payload = new byte[16 * 1024];
        for (var round = 0; round < 4; round++)
        {
            await Task.WhenAll(Enumerable.Range(0, 64).Select(i =>
                store.Writer.SubmitAsync(new SqliteWriteRequest("probe", $"grain-{round}-{i}", null, payload))));
        }

        // 4 MiB of commits and no automatic checkpoint: the store's own checkpoint copies them into the file.
        await Eventually.EqualAsync(true, () => Task.FromResult(new FileInfo(Database).Length >= 4L * 1024 * 1024));

        await store.ReleaseAsync();
        Assert.False(File.Exists(Log) && new FileInfo(Log).Length > 0, "The write-ahead log should be empty once the store has closed.");

        using var reader = new SqliteConnection($"Data Source={Database};Mode=ReadOnly;Pooling=False");
        reader.Open();
        using var count = reader.CreateCommand();
        count.CommandText = "SELECT count(*) FROM grain_state WHERE state_name = 'probe'";
        Assert.Equal(256L, (long)count.ExecuteScalar()!);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
