using Orleans.Storage;

namespace OurSociety.Federation.Grains.Tests.Storage;

/// <summary>
/// What every hub storage backend must do, run against each one by a thin subclass. Each test starts a real silo
/// configured by <c>AddHubStorage</c>, takes the grain storage named "hub" from it and uses its own grain ids.
/// </summary>
public abstract class GrainStorageContractTests<TBackend>(TBackend backend) : IClassFixture<TBackend>
    where TBackend : class, IStorageBackend
{
    private const string StateName = "contract";

    // Different strings that Orleans' integer-key parsing (hexadecimal, case-insensitive) reads as the same number.
    private static readonly (string First, string Second)[] _hexLookingKeyPairs = [("020235", "20235"), ("cafe", "CAFE"), ("cafe", "0cafe")];

    /// <summary>
    /// Whether the grain type is part of a row's identity. False for Orleans' ADO.NET storage (it keys rows by state
    /// name and key only), which is why every hub grain class has its own state name.
    /// </summary>
    protected abstract bool GrainTypeIsPartOfTheKey { get; }

    /// <summary>
    /// Whether string keys that parse as hexadecimal integers ("cafe", "020235") share a row with every other spelling
    /// of the same number. True for Orleans' ADO.NET storage, which is why hub string keys carry a non-hex prefix.
    /// </summary>
    protected abstract bool HexLookingKeysShareARow { get; }

    [BackendFact]
    public async Task Reading_a_state_never_written_gives_the_default_state_without_an_ETag()
    {
        await using var silo = await StartSiloAsync();

        var read = await ReadAsync(silo.Storage, NewGrainId());

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.NotNull(read.State);
        Assert.Null(read.State?.Text);
    }

    [BackendFact]
    public async Task A_written_state_reads_back_with_the_same_ETag()
    {
        await using var silo = await StartSiloAsync();
        var grainId = NewGrainId();

        var written = await WriteAsync(silo.Storage, grainId, State("hello"));
        var read = await ReadAsync(silo.Storage, grainId);

        Assert.True(read.RecordExists);
        Assert.Equal("hello", read.State?.Text);
        Assert.NotNull(written.ETag);
        Assert.Equal(written.ETag, read.ETag);
    }

    [BackendFact]
    public async Task Every_write_gives_a_new_ETag()
    {
        await using var silo = await StartSiloAsync();
        var grainId = NewGrainId();

        var state = await WriteAsync(silo.Storage, grainId, State("one"));
        var first = state.ETag;
        state.State = State("two");
        await silo.Storage.WriteStateAsync(StateName, grainId, state);

        Assert.NotEqual(first, state.ETag);
        Assert.Equal("two", (await ReadAsync(silo.Storage, grainId)).State?.Text);
    }

    [BackendFact]
    public async Task A_write_with_a_stale_ETag_raises_InconsistentStateException_and_changes_nothing()
    {
        await using var silo = await StartSiloAsync();
        var grainId = NewGrainId();
        var stale = await WriteAsync(silo.Storage, grainId, State("first"));
        var current = await ReadAsync(silo.Storage, grainId);
        current.State = State("second");
        await silo.Storage.WriteStateAsync(StateName, grainId, current);

        stale.State = State("lost update");
        var staleETag = stale.ETag;
        await Assert.ThrowsAsync<InconsistentStateException>(() => silo.Storage.WriteStateAsync(StateName, grainId, stale));

        var read = await ReadAsync(silo.Storage, grainId);
        Assert.Equal("second", read.State?.Text);
        Assert.Equal(current.ETag, read.ETag);
        Assert.Equal(staleETag, stale.ETag);
    }

    [BackendFact]
    public async Task A_first_write_over_an_existing_row_raises_InconsistentStateException()
    {
        await using var silo = await StartSiloAsync();
        var grainId = NewGrainId();
        await WriteAsync(silo.Storage, grainId, State("existing"));

        await Assert.ThrowsAsync<InconsistentStateException>(() => WriteAsync(silo.Storage, grainId, State("blind write")));

        Assert.Equal("existing", (await ReadAsync(silo.Storage, grainId)).State?.Text);
    }

    [BackendFact]
    public async Task Clearing_then_reading_gives_the_default_state_and_a_later_write_works()
    {
        await using var silo = await StartSiloAsync();
        var grainId = NewGrainId();
        var state = await WriteAsync(silo.Storage, grainId, State("to be cleared"));

        await silo.Storage.ClearStateAsync(StateName, grainId, state);
        var cleared = await ReadAsync(silo.Storage, grainId);

        Assert.False(state.RecordExists);
        Assert.False(cleared.RecordExists);
        Assert.Null(cleared.State?.Text);
        // The row is kept with a bumped version: the clear's ETag is what the next write must present.
        Assert.NotNull(state.ETag);
        Assert.Equal(state.ETag, cleared.ETag);

        cleared.State = State("written again");
        await silo.Storage.WriteStateAsync(StateName, grainId, cleared);
        var read = await ReadAsync(silo.Storage, grainId);
        Assert.True(read.RecordExists);
        Assert.Equal("written again", read.State?.Text);
    }

    [BackendFact]
    public async Task A_clear_with_a_stale_ETag_raises_InconsistentStateException_and_keeps_the_state()
    {
        await using var silo = await StartSiloAsync();
        var grainId = NewGrainId();
        var stale = await WriteAsync(silo.Storage, grainId, State("first"));
        var current = await ReadAsync(silo.Storage, grainId);
        current.State = State("second");
        await silo.Storage.WriteStateAsync(StateName, grainId, current);

        await Assert.ThrowsAsync<InconsistentStateException>(() => silo.Storage.ClearStateAsync(StateName, grainId, stale));

        Assert.Equal("second", (await ReadAsync(silo.Storage, grainId)).State?.Text);
    }

    [BackendFact]
    public async Task Clearing_a_state_never_written_does_nothing()
    {
        await using var silo = await StartSiloAsync();
        var grainId = NewGrainId();

        await silo.Storage.ClearStateAsync(StateName, grainId, new GrainState<StorageTestState>());
        var read = await ReadAsync(silo.Storage, grainId);

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
    }

    [BackendFact]
    public async Task A_written_state_survives_a_full_restart_of_the_silo()
    {
        var grainId = NewGrainId();
        string? eTag;
        await using (var silo = await StartSiloAsync())
        {
            eTag = (await WriteAsync(silo.Storage, grainId, State("durable"))).ETag;
        }

        await using (var restarted = await StartSiloAsync())
        {
            var read = await ReadAsync(restarted.Storage, grainId);
            Assert.True(read.RecordExists);
            Assert.Equal("durable", read.State?.Text);
            Assert.Equal(eTag, read.ETag);
        }
    }

    [BackendFact]
    public async Task A_2_MiB_state_round_trips()
    {
        await using var silo = await StartSiloAsync();
        var grainId = NewGrainId();
        var blob = new byte[2 * 1024 * 1024];
        new Random(42).NextBytes(blob);

        await WriteAsync(silo.Storage, grainId, new StorageTestState("large", blob));
        var read = await ReadAsync(silo.Storage, grainId);

        Assert.Equal("large", read.State?.Text);
        Assert.Equal(blob, read.State?.Blob);
    }

    [BackendFact]
    public async Task Of_two_racing_first_writes_exactly_one_wins_and_its_value_is_stored()
    {
        await using var silo = await StartSiloAsync();
        for (var round = 0; round < 10; round++)
        {
            var grainId = NewGrainId();
            var left = new GrainState<StorageTestState> { State = State("left") };
            var right = new GrainState<StorageTestState> { State = State("right") };

            var failures = await Task.WhenAll(
                FailureOfAsync(() => silo.Storage.WriteStateAsync(StateName, grainId, left)),
                FailureOfAsync(() => silo.Storage.WriteStateAsync(StateName, grainId, right)));

            Assert.Single(failures, f => f is null);
            Assert.IsType<InconsistentStateException>(Assert.Single(failures, f => f is not null));
            var winner = failures[0] is null ? left : right;
            var read = await ReadAsync(silo.Storage, grainId);
            Assert.Equal(winner.State?.Text, read.State?.Text);
            Assert.Equal(winner.ETag, read.ETag);
        }
    }

    [BackendFact]
    public async Task Many_concurrent_writes_to_distinct_grains_are_all_durable()
    {
        const int Grains = 500;
        var grainIds = Enumerable.Range(0, Grains).Select(_ => NewGrainId()).ToArray();
        await using (var silo = await StartSiloAsync())
        {
            await Task.WhenAll(grainIds.Select((id, i) => Task.Run(async () =>
            {
                var state = await WriteAsync(silo.Storage, id, State($"first {i}"));
                state.State = State($"second {i}");
                await silo.Storage.WriteStateAsync(StateName, id, state);
            })));
        }

        await using var restarted = await StartSiloAsync();
        for (var i = 0; i < Grains; i++)
        {
            var read = await ReadAsync(restarted.Storage, grainIds[i]);
            Assert.Equal($"second {i}", read.State?.Text);
        }
    }

    [BackendFact]
    public async Task Two_grain_classes_with_the_same_key_never_share_state()
    {
        await using var silo = await StartSiloAsync();
        var key = $"net:{Guid.NewGuid():N}";

        await silo.Client.GetGrain<IAlphaProbeGrain>(key).SetAsync("alpha");
        await silo.Client.GetGrain<IBetaProbeGrain>(key).SetAsync("beta");

        Assert.Equal("alpha", await silo.Client.GetGrain<IAlphaProbeGrain>(key).GetAsync());
        Assert.Equal("beta", await silo.Client.GetGrain<IBetaProbeGrain>(key).GetAsync());
    }

    [BackendFact]
    public async Task Grain_types_sharing_a_state_name_and_key_share_a_row_only_where_the_backend_ignores_the_type()
    {
        await using var silo = await StartSiloAsync();
        var key = $"org:{Guid.NewGuid():N}";
        await WriteAsync(silo.Storage, GrainId.Create("alpha-type", key), State("alpha"));

        var other = await ReadAsync(silo.Storage, GrainId.Create("beta-type", key));

        Assert.Equal(!GrainTypeIsPartOfTheKey, other.RecordExists);
    }

    [BackendFact]
    public async Task Prefixed_keys_never_collide_even_when_the_rest_looks_hexadecimal()
    {
        await using var silo = await StartSiloAsync();
        foreach (var (first, second) in _hexLookingKeyPairs)
        {
            // A fresh prefix per pair: the same key under another grain type would share a row on PostgreSQL.
            var prefix = $"n{Guid.NewGuid():N}:";
            await WriteAsync(silo.Storage, GrainId.Create("probe", prefix + first), State(first));

            var read = await ReadAsync(silo.Storage, GrainId.Create("probe", prefix + second));

            Assert.False(read.RecordExists, $"{prefix}{first} and {prefix}{second} share a row");
        }
    }

    [BackendFact]
    public async Task Raw_hex_looking_keys_share_a_row_only_where_the_backend_parses_them_as_numbers()
    {
        await using var silo = await StartSiloAsync();
        foreach (var (first, second) in _hexLookingKeyPairs)
        {
            // Raw keys cannot be made unique, so each pair gets its own state name.
            var stateName = $"hex-{Guid.NewGuid():N}";
            await WriteAsync(silo.Storage, GrainId.Create("probe", first), State(first), stateName);

            var read = await ReadAsync(silo.Storage, GrainId.Create("probe", second), stateName);

            Assert.Equal(HexLookingKeysShareARow, read.RecordExists);
            if (read.RecordExists)
            {
                // Not just "a row": the other key's state, which is why hub keys are prefixed.
                Assert.Equal(first, read.State?.Text);
            }
        }
    }

    protected Task<HubTestSilo> StartSiloAsync() => HubTestSilo.StartAsync(backend.Settings);

    private static GrainId NewGrainId() => GrainId.Create("contract-probe", $"test:{Guid.NewGuid():N}");

    private static StorageTestState State(string text) => new(text);

    private static async Task<Exception?> FailureOfAsync(Func<Task> action)
    {
        try
        {
            // Off the test's thread, so both calls really race.
            await Task.Run(action);
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    private static async Task<GrainState<StorageTestState>> WriteAsync(
        IGrainStorage storage, GrainId grainId, StorageTestState value, string stateName = StateName)
    {
        var state = new GrainState<StorageTestState> { State = value };
        await storage.WriteStateAsync(stateName, grainId, state);
        return state;
    }

    private static async Task<GrainState<StorageTestState>> ReadAsync(IGrainStorage storage, GrainId grainId, string stateName = StateName)
    {
        var state = new GrainState<StorageTestState>();
        await storage.ReadStateAsync(stateName, grainId, state);
        return state;
    }
}
