using Microsoft.Data.Sqlite;

namespace OurSociety.Federation.Storage.Sqlite;

/// <summary>
/// One write or clear waiting for the next group commit. <see cref="Completion"/> yields the row's new version,
/// or <see langword="null"/> when the ETag check failed and nothing was changed.
/// </summary>
internal sealed class SqliteWriteRequest(string stateName, string grainId, long? expectedVersion, byte[]? payload)
{
    private readonly TaskCompletionSource<long?> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string StateName { get; } = stateName;

    public string GrainId { get; } = grainId;

    /// <summary>The version the caller last saw (its ETag); <see langword="null"/> means "I expect no row".</summary>
    public long? ExpectedVersion { get; } = expectedVersion;

    /// <summary>The serialized state, or <see langword="null"/> for a clear.</summary>
    public byte[]? Payload { get; } = payload;

    /// <summary>
    /// An operation other than a state write (a reminder row), run inside the group's transaction; its result is what
    /// <see cref="Completion"/> yields. Null for state writes and clears.
    /// </summary>
    public Func<SqliteConnection, SqliteTransaction, long?>? Operation { get; private init; }

    public bool IsClear => Payload is null && Operation is null;

    /// <summary>A request that runs <paramref name="operation"/> in the next group commit.</summary>
    public static SqliteWriteRequest For(Func<SqliteConnection, SqliteTransaction, long?> operation) =>
        new(string.Empty, string.Empty, null, null) { Operation = operation };

    public Task<long?> Completion => _completion.Task;

    public void Complete(long? newVersion) => _completion.TrySetResult(newVersion);

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
