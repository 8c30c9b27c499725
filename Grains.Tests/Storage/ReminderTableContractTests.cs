using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace OurSociety.Federation.Grains.Tests.Storage;

/// <summary>
/// What the reminder table of every hub backend must do, run against each by a thin subclass: the embedded store's own
/// table and Orleans' ADO.NET table on the hub's PostgreSQL scripts. Each test starts a real silo configured by
/// <c>AddHubStorage</c> and takes its <see cref="IReminderTable"/>.
/// </summary>
public abstract class ReminderTableContractTests<TBackend>(TBackend backend) : IClassFixture<TBackend>
    where TBackend : class, IStorageBackend
{
    [BackendFact]
    public async Task An_upsert_gives_an_ETag_a_second_gives_a_new_one_and_reads_return_the_row_as_written()
    {
        await using var silo = await HubTestSilo.StartAsync(backend.Settings);
        var table = Table(silo);
        var grain = NewGrainId();
        var start = new DateTime(2026, 11, 24, 9, 30, 15, 123, DateTimeKind.Utc);

        var first = await table.UpsertRow(Entry(grain, "deadline", start, TimeSpan.FromHours(1)));
        var second = await table.UpsertRow(Entry(grain, "deadline", start.AddDays(7), TimeSpan.FromDays(1)));
        await table.UpsertRow(Entry(grain, "other", start, TimeSpan.FromMinutes(5)));

        Assert.NotNull(first);
        Assert.NotEqual(first, second);
        var row = await table.ReadRow(grain, "deadline");
        Assert.Equal((grain, "deadline", start.AddDays(7), TimeSpan.FromDays(1), second), (row!.GrainId, row.ReminderName, row.StartAt, row.Period, row.ETag));
        Assert.Equal(DateTimeKind.Utc, row.StartAt.Kind);
        Assert.Equal(["deadline", "other"], (await table.ReadRows(grain)).Reminders.Select(r => r.ReminderName).Order(StringComparer.Ordinal));
        Assert.Null(await table.ReadRow(grain, "missing"));
        Assert.Empty((await table.ReadRows(NewGrainId())).Reminders);
    }

    [BackendFact]
    public async Task Long_grain_ids_and_periods_beyond_int_milliseconds_round_trip()
    {
        await using var silo = await HubTestSilo.StartAsync(backend.Settings);
        var table = Table(silo);
        var grain = GrainId.Create("reminder-probe", "test:" + new string('x', 240) + Guid.NewGuid().ToString("N"));
        var period = TimeSpan.FromDays(60);

        await table.UpsertRow(Entry(grain, "long", DateTime.UtcNow, period));

        Assert.Equal(period, (await table.ReadRow(grain, "long"))!.Period);
        Assert.True(period.TotalMilliseconds > int.MaxValue);
    }

    [BackendFact]
    public async Task A_removal_with_a_stale_ETag_does_nothing_and_one_with_the_current_ETag_removes_the_row()
    {
        await using var silo = await HubTestSilo.StartAsync(backend.Settings);
        var table = Table(silo);
        var grain = NewGrainId();
        var stale = await table.UpsertRow(Entry(grain, "deadline", DateTime.UtcNow, TimeSpan.FromHours(1)));
        var current = await table.UpsertRow(Entry(grain, "deadline", DateTime.UtcNow, TimeSpan.FromHours(2)));

        Assert.False(await table.RemoveRow(grain, "deadline", stale!));
        Assert.NotNull(await table.ReadRow(grain, "deadline"));
        Assert.True(await table.RemoveRow(grain, "deadline", current!));
        Assert.Null(await table.ReadRow(grain, "deadline"));
        Assert.False(await table.RemoveRow(grain, "deadline", current!));
    }

    [BackendFact]
    public async Task Range_reads_return_exactly_the_rows_whose_grain_hash_is_in_range_with_and_without_wrapping()
    {
        await using var silo = await HubTestSilo.StartAsync(backend.Settings);
        var table = Table(silo);
        var grains = Enumerable.Range(0, 40).Select(_ => NewGrainId()).ToArray();
        foreach (var grain in grains)
        {
            await table.UpsertRow(Entry(grain, "range", DateTime.UtcNow, TimeSpan.FromHours(1)));
        }

        var hashes = grains.Select(g => g.GetUniformHashCode()).Order().ToArray();
        var (low, high) = (hashes[10], hashes[30]);
        HashSet<GrainId> Mine(IEnumerable<ReminderEntry> rows) => rows.Select(r => r.GrainId).Where(grains.Contains).ToHashSet();

        var inside = Mine((await table.ReadRows(low, high)).Reminders);
        var wrapped = Mine((await table.ReadRows(high, low)).Reminders);

        Assert.Equal(grains.Where(g => g.GetUniformHashCode() > low && g.GetUniformHashCode() <= high).ToHashSet(), inside);
        Assert.Equal(grains.Where(g => g.GetUniformHashCode() > high || g.GetUniformHashCode() <= low).ToHashSet(), wrapped);
        Assert.Equal(grains.Length, inside.Count + wrapped.Count);
    }

    [BackendFact]
    public async Task A_reminder_registered_by_a_grain_survives_a_restart_of_the_host_and_fires_afterwards()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var start = time.GetUtcNow();
        var key = $"probe:{Guid.NewGuid():N}";
        await using (var silo = await HubTestSilo.StartAsync(backend.Settings, time))
        {
            Assert.Equal(1, await silo.Client.GetGrain<IReminderProbeGrain>(key).RegisterAsync("weekly", TimeSpan.FromDays(7)));
        }

        await using var restarted = await HubTestSilo.StartAsync(backend.Settings, time);
        Assert.Equal(0, ReminderTicks.Of(key));

        // Nothing before its due time; then it fires as the clock steps through it.
        time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(30));
        await Task.Delay(200);
        Assert.Equal(0, ReminderTicks.Of(key));
        Assert.True(await HubTestSilo.AdvanceUntilAsync(time, TimeSpan.FromMinutes(5), TimeSpan.FromHours(2), () => Task.FromResult(ReminderTicks.Of(key) >= 1)));
        Assert.True(time.GetUtcNow() >= start + TimeSpan.FromDays(7));
        Assert.NotNull(await Table(restarted).ReadRow(restarted.Client.GetGrain<IReminderProbeGrain>(key).GetGrainId(), "weekly"));
    }

    private static IReminderTable Table(HubTestSilo silo) => silo.Services.GetRequiredService<IReminderTable>();

    private static GrainId NewGrainId() => GrainId.Create("reminder-probe", $"test:{Guid.NewGuid():N}");

    private static ReminderEntry Entry(GrainId grain, string name, DateTime start, TimeSpan period) =>
        new() { GrainId = grain, ReminderName = name, StartAt = start, Period = period };
}

/// <summary>The embedded store's reminder table.</summary>
public sealed class SqliteReminderTableContractTests(SqliteBackend backend) : ReminderTableContractTests<SqliteBackend>(backend);

/// <summary>Orleans' ADO.NET reminder table on the hub's PostgreSQL scripts.</summary>
[RequiresPostgreSql]
public sealed class PostgreSqlReminderTableContractTests(PostgreSqlBackend backend) : ReminderTableContractTests<PostgreSqlBackend>(backend);

/// <summary>Reminder ticks received by probe grains in this process, by grain key (a restarted silo's activation is new).</summary>
public static class ReminderTicks
{
    private static readonly ConcurrentDictionary<string, int> _ticks = new(StringComparer.Ordinal);

    public static int Of(string key) => _ticks.GetValueOrDefault(key);

    public static void Add(string key) => _ticks.AddOrUpdate(key, 1, (_, n) => n + 1);
}
