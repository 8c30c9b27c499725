using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Serialization.Serializers;
using OurSociety.Federation.Storage;
using OurSociety.Federation.Storage.Sqlite;

namespace Orleans.Storage;

/// <summary>
/// Orleans grain storage on a local SQLite file (<c>&lt;DataDirectory&gt;/hub.db</c>) for a single-silo hub.
/// </summary>
/// <remarks>
/// <para>Rows are keyed by (state name, <see cref="GrainId"/> text), so unlike the ADO.NET provider the grain type is
/// part of the key and string keys are never reinterpreted as numbers.</para>
/// <para>The ETag is the row's integer version. A first write succeeds only when no row exists; later writes and clears
/// succeed only when the stored version equals the ETag; otherwise <see cref="InconsistentStateException"/> is thrown
/// and nothing changes. A clear keeps the row with a NULL payload and a bumped version (the same choice as the
/// PostgreSQL backend with <c>DeleteStateOnClear = false</c>), so reading it back gives the default state,
/// <c>RecordExists = false</c> and the new ETag. A clear with no ETag on a state never read first reads it, exactly
/// like the ADO.NET provider.</para>
/// <para>Writes go through <see cref="SqliteGroupCommitWriter"/>: one transaction and one fsync per group of waiting
/// writes; a call returns only after its group is durable.</para>
/// </remarks>
public sealed class SqliteGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable
{
    private readonly string _name;
    private readonly SqliteStore _store;
    private readonly IGrainStorageSerializer _serializer;
    private readonly IActivatorProvider _activators;
    private readonly ILogger<SqliteGrainStorage> _logger;
    private int _open;

    public SqliteGrainStorage(
        string name,
        SqliteStore store,
        IGrainStorageSerializer serializer,
        IActivatorProvider activators,
        ILogger<SqliteGrainStorage> logger)
    {
        _name = name;
        _store = store;
        _serializer = serializer;
        _activators = activators;
        _logger = logger;
    }

    /// <summary>The factory Orleans' <c>AddGrainStorage</c> calls for the provider named <paramref name="name"/>.</summary>
    public static SqliteGrainStorage Create(IServiceProvider services, string name) => new(
        name,
        services.GetRequiredService<SqliteStore>(),
        services.GetKeyedService<IGrainStorageSerializer>(name) ?? services.GetRequiredService<IGrainStorageSerializer>(),
        services.GetRequiredService<IActivatorProvider>(),
        services.GetRequiredService<ILogger<SqliteGrainStorage>>());

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe($"{nameof(SqliteGrainStorage)}-{_name}", ServiceLifecycleStage.ApplicationServices, OpenAsync, CloseAsync);

    /// <summary>Opens the database (creating the folder and file if missing). Called by the silo lifecycle.</summary>
    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _open, 1) == 0)
        {
            await _store.AcquireAsync(cancellationToken);
        }
    }

    /// <summary>Lets go of the database (the last of its users commits what is queued and closes it). Called by the silo lifecycle and on dispose.</summary>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _open, 0) == 1)
        {
            await _store.ReleaseAsync();
        }
    }

    // The container may dispose this twice (it is registered as the keyed storage and as a lifecycle participant),
    // so closing is idempotent.
    public ValueTask DisposeAsync() => new(CloseAsync(CancellationToken.None));

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var stored = await Readers.ReadAsync(stateName, grainId.ToString());
        var payload = stored?.Payload;
        grainState.State = payload is null ? _activators.GetActivator<T>().Create() : _serializer.Deserialize<T>(new BinaryData(payload))!;
        grainState.ETag = stored is { } row ? row.Version.ToString(CultureInfo.InvariantCulture) : null;
        grainState.RecordExists = payload is not null;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var id = grainId.ToString();
        var payload = _serializer.Serialize(grainState.State).ToArray();
        var newVersion = await Writer.SubmitAsync(new SqliteWriteRequest(stateName, id, ParseETag(grainState.ETag, stateName, id), payload));
        grainState.ETag = Checked(newVersion, "WriteState", stateName, id, grainState.ETag);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (grainState.ETag is null && !grainState.RecordExists)
        {
            // Nothing was read yet: learn the stored version first; if there is no stored state, clearing is a no-op.
            await ReadStateAsync(stateName, grainId, grainState);
            if (!grainState.RecordExists)
            {
                return;
            }
        }

        var id = grainId.ToString();
        var newVersion = await Writer.SubmitAsync(new SqliteWriteRequest(stateName, id, ParseETag(grainState.ETag, stateName, id), payload: null));
        grainState.ETag = Checked(newVersion, "ClearState", stateName, id, grainState.ETag);
        grainState.RecordExists = false;
        grainState.State = _activators.GetActivator<T>().Create();
    }

    private SqliteGroupCommitWriter Writer => _store.Writer;

    private SqliteReadPool Readers => _store.Readers;

    private long? ParseETag(string? eTag, string stateName, string grainId)
    {
        if (eTag is null)
        {
            return null;
        }

        if (long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return version;
        }

        throw new InconsistentStateException($"ETag '{eTag}' of {stateName} for grain {grainId} was not issued by grain storage '{_name}'.", null, eTag);
    }

    private string Checked(long? newVersion, string operation, string stateName, string grainId, string? eTag)
    {
        if (newVersion is { } version)
        {
            return version.ToString(CultureInfo.InvariantCulture);
        }

        StorageLog.VersionConflict(_logger, operation, stateName, grainId, eTag);
        throw new InconsistentStateException(
            $"Version conflict ({operation}): provider {_name}, state {stateName}, grain {grainId}, ETag {eTag ?? "(none)"} is stale.",
            storedEtag: null,
            currentEtag: eTag);
    }
}
