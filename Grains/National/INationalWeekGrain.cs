namespace OurSociety.Federation.National;

/// <summary>
/// One shard of one week's national counts (key <c>natl:{yyyy}-W{ww}#{n}</c>, see <see cref="NationalWeeks"/>): for each
/// network of its shard, what that network sent for the week. Only networks' statistics grains write to it.
/// </summary>
[Alias("INationalWeekGrain")]
public interface INationalWeekGrain : IGrainWithStringKey
{
    /// <summary>Applies a network's batch once (a batch no newer than the last applied from that network changes nothing); returns when durable.</summary>
    [Alias("ApplyAsync")]
    Task ApplyAsync(NationalBatch batch);

    /// <summary>Drops what a network's opt-ins up to <paramref name="epoch"/> counted, and refuses it if it arrives late; returns when durable.</summary>
    [Alias("WithdrawAsync")]
    Task WithdrawAsync(string network, long epoch);

    /// <summary>The version of the counts held: it changes with every write, so the same version means the same counts.</summary>
    [AlwaysInterleave]
    [Alias("GetVersionAsync")]
    Task<long> GetVersionAsync();

    /// <summary>The week's counts in <paramref name="scope"/>, grouped by <paramref name="dimensions"/> and each coarser grouping; never suppressed (the caller suppresses).</summary>
    [AlwaysInterleave]
    [Alias("GetTablesAsync")]
    Task<WeekTables> GetTablesAsync(NationalScope scope, NationalDimension dimensions);
}
