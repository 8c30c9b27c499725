namespace OurSociety.Federation.National;

/// <summary>What national activity counts may be grouped by, besides the week (always present). Flags, so a grouping is a set.</summary>
[Flags]
public enum NationalDimension
{
    None = 0,

    /// <summary>The region of the network the activity was posted in: where the work happens, never an organisation's registered office.</summary>
    Region = 1,

    /// <summary>The network's slug.</summary>
    Network = 2,

    /// <summary>The kind of activity.</summary>
    Kind = 4,

    /// <summary>A theme of the activity; an activity with several themes counts once under each, one without under none (null).</summary>
    Theme = 8,
}
