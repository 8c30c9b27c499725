using System.Globalization;
using OurSociety.Federation.Common;

namespace OurSociety.Federation.National;

/// <summary>
/// National counts are kept by ISO week (Monday 00:00 UTC to the next Monday), and each week by <see cref="Shards"/>
/// grains (keys <c>natl:{yyyy}-W{ww}#{n}</c>), each holding the networks whose slug hashes to it: no one grain takes
/// every network's deltas, and a read is weeks × shards calls whatever the number of activities.
/// </summary>
public static class NationalWeeks
{
    /// <summary>How many grains hold one week. Fixed: a network's shard follows from its slug alone.</summary>
    public const int Shards = 4;

    /// <summary>The longest range one answer covers (five years of weeks).</summary>
    public const int MaxWeeks = 261;

    public const string Prefix = "natl:";

    /// <summary>The ISO week of <paramref name="at"/> in UTC, e.g. <c>2026-W49</c>.</summary>
    public static string Of(DateTimeOffset at)
    {
        var day = at.UtcDateTime;
        return $"{ISOWeek.GetYear(day):D4}-W{ISOWeek.GetWeekOfYear(day):D2}";
    }

    /// <summary>The Monday 00:00 UTC that starts the week of <paramref name="at"/>.</summary>
    public static DateTimeOffset StartOf(DateTimeOffset at)
    {
        var day = at.UtcDateTime.Date;
        return new DateTimeOffset(day.AddDays(-(((int)day.DayOfWeek + 6) % 7)), TimeSpan.Zero);
    }

    /// <summary>
    /// Every week that the range [<paramref name="from"/>, <paramref name="to"/>) touches, oldest first. A range that ends
    /// before it starts, or covers more than five years, is refused with a code.
    /// </summary>
    public static IReadOnlyList<string> Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
        {
            throw new HubException(ErrorCodes.RangeInvalid, "The range ends before it starts: 'to' must not be earlier than 'from'.", "to");
        }

        if (to - from > TimeSpan.FromDays(MaxWeeks * 7))
        {
            throw new HubException(ErrorCodes.RangeTooLong, "A range covers at most five years (261 weeks).", "from");
        }

        var weeks = new List<string>();
        for (var start = StartOf(from); start < to || weeks.Count == 0; start = start.AddDays(7))
        {
            weeks.Add(Of(start));
        }

        return weeks;
    }

    /// <summary>Which of a week's grains holds network <paramref name="slug"/>: a stable hash (FNV-1a) of the slug.</summary>
    public static int ShardOf(string slug)
    {
        var hash = 2166136261u;
        foreach (var c in slug)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Shards);
    }

    public static string Key(string week, int shard) => $"{Prefix}{week}#{shard}";

    /// <summary>The grain of <paramref name="week"/> that holds network <paramref name="slug"/>.</summary>
    public static INationalWeekGrain GetNationalWeek(this IGrainFactory grains, string week, string slug) =>
        grains.Get<INationalWeekGrain>(Key(week, ShardOf(slug)));

    /// <summary>Where organisation <paramref name="organisationId"/>'s first counted activity is.</summary>
    public static INationalNewcomerGrain GetNationalNewcomer(this IGrainFactory grains, string organisationId) =>
        grains.Get<INationalNewcomerGrain>("newcomer:" + organisationId);

    /// <summary>A network's statistics: what it has sent to the national counts and what it consented to.</summary>
    public static INetworkStatisticsGrain GetNetworkStatistics(this IGrainFactory grains, string slug) =>
        grains.Get<INetworkStatisticsGrain>("stats:" + slug);
}
