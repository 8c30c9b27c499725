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

    public bool IsClear => Payload is null;

    public Task<long?> Completion => _completion.Task;

    public void Complete(long? newVersion) => _completion.TrySetResult(newVersion);

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
