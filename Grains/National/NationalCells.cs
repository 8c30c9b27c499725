namespace OurSociety.Federation.National;

/// <summary>
/// Where a count sits in a grouped table: the coordinates of the dimensions grouped by, null for the others. A
/// <see cref="Theme"/> of <c>""</c> (shown as null) is activity without themes.
/// </summary>
[GenerateSerializer, Immutable, Alias("CellKey")]
public readonly record struct CellKey(
    [property: Id(0)] string? Region,
    [property: Id(1)] string? Network,
    [property: Id(2)] Feeds.ActivityKind? Kind,
    [property: Id(3)] string? Theme)
{
    /// <summary>This cell with dimension <paramref name="dimension"/> summed over: the cell of the coarser table it adds to.</summary>
    public CellKey Without(NationalDimension dimension) => dimension switch
    {
        NationalDimension.Region => this with { Region = null },
        NationalDimension.Network => this with { Network = null },
        NationalDimension.Kind => this with { Kind = null },
        NationalDimension.Theme => this with { Theme = null },
        _ => this,
    };
}

/// <summary>
/// One week's counts grouped by <see cref="Dimensions"/> and by every subset of them (the coarser tables their totals
/// form), so suppression can protect a cell from every total that could be subtracted to find it.
/// </summary>
/// <param name="Newcomers">Organisations whose first counted activity falls in the week, in the scope read.</param>
/// <param name="Joined">Organisations that joined a network in the week.</param>
/// <param name="Version">The shard's <see cref="NationalWeekState.Version"/> when read: the same version, the same counts.</param>
[GenerateSerializer, Immutable, Alias("WeekTables")]
public sealed record WeekTables(
    [property: Id(0)] NationalDimension Dimensions,
    [property: Id(1)] Dictionary<NationalDimension, Dictionary<CellKey, long>> Tables,
    [property: Id(2)] OurSociety.Federation.Introductions.IntroductionCounts Introductions,
    [property: Id(3)] int WantsMet,
    [property: Id(4)] long Version = 0,
    [property: Id(5)] long Newcomers = 0,
    [property: Id(6)] long Joined = 0)
{
    /// <summary>Every subset of <paramref name="dimensions"/>, the empty one (the week's total) included.</summary>
    public static IEnumerable<NationalDimension> Subsets(NationalDimension dimensions)
    {
        var all = (int)dimensions;
        for (var s = all; ; s = (s - 1) & all)
        {
            yield return (NationalDimension)s;
            if (s == 0)
            {
                yield break;
            }
        }
    }

    public static WeekTables Empty(NationalDimension dimensions) =>
        new(dimensions, Subsets(dimensions).ToDictionary(s => s, _ => new Dictionary<CellKey, long>()), OurSociety.Federation.Introductions.IntroductionCounts.None, 0);

    /// <summary>Adds another shard's tables of the same week and grouping.</summary>
    public WeekTables Plus(WeekTables other)
    {
        foreach (var (subset, cells) in other.Tables)
        {
            var mine = Tables[subset];
            foreach (var (key, n) in cells)
            {
                mine[key] = mine.GetValueOrDefault(key) + n;
            }
        }

        return this with
        {
            Introductions = Introductions.Plus(other.Introductions),
            WantsMet = WantsMet + other.WantsMet,
            Newcomers = Newcomers + other.Newcomers,
            Joined = Joined + other.Joined,
        };
    }
}
