using OurSociety.Federation.Feeds;

namespace OurSociety.Federation.National;

/// <summary>One network's activity in one week, pre-aggregated: by kind, and by kind and theme.</summary>
[GenerateSerializer, Alias("ActivityCounts")]
public sealed class ActivityCounts
{
    [Id(0)]
    public Dictionary<ActivityKind, long> Kinds { get; set; } = [];

    [Id(1)]
    public Dictionary<ThemeCell, long> Themes { get; set; } = [];

    /// <summary>Organisations whose first activity counted anywhere in the hub is among these (see <see cref="INationalNewcomerGrain"/>).</summary>
    [Id(2)]
    public long Newcomers { get; set; }

    public bool IsEmpty => Kinds.Count == 0 && Newcomers == 0;

    public void Add(Activity activity)
    {
        Kinds[activity.Kind] = Kinds.GetValueOrDefault(activity.Kind) + 1;
        switch (activity.Themes.Count)
        {
            case 0:
                Add(new ThemeCell(activity.Kind, ""), 1);
                break;
            case 1:
                Add(new ThemeCell(activity.Kind, activity.Themes[0]), 1);
                break;
            default:
                foreach (var theme in activity.Themes.Distinct(StringComparer.Ordinal))
                {
                    Add(new ThemeCell(activity.Kind, theme), 1);
                }

                break;
        }
    }

    public void Add(ActivityCounts other)
    {
        foreach (var (kind, n) in other.Kinds)
        {
            Kinds[kind] = Kinds.GetValueOrDefault(kind) + n;
        }

        foreach (var (cell, n) in other.Themes)
        {
            Add(cell, n);
        }

        Newcomers += other.Newcomers;
    }

    private void Add(ThemeCell cell, long n) => Themes[cell] = Themes.GetValueOrDefault(cell) + n;
}
