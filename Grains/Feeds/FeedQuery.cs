using OurSociety.Federation.Common;

namespace OurSociety.Federation.Feeds;

/// <summary>Who a feed page is for, which decides which visibilities it shows. Values are appended, never renumbered.</summary>
[GenerateSerializer, Alias("FeedAudience")]
public enum FeedAudience
{
    /// <summary>Anyone: <see cref="Visibility.Public"/> items only.</summary>
    Public = 0,

    /// <summary>The network's own coordinators and members: everything in it.</summary>
    Member = 1,

    /// <summary>Members of a linked network the items are shared with: <see cref="Visibility.Linked"/> and public items.</summary>
    Linked = 2,
}

public static class FeedAudienceExtensions
{
    /// <summary>The one visibility rule: members see everything in their network, linked networks' members what is linked or public, everyone else public items only.</summary>
    public static bool CanSee(this FeedAudience audience, Activity activity) => audience switch
    {
        FeedAudience.Member => true,
        FeedAudience.Linked => activity.Visibility != Visibility.Network,
        _ => activity.Visibility == Visibility.Public,
    };
}

/// <summary>A circle on the map: items with a point inside it match.</summary>
[GenerateSerializer, Immutable, Alias("GeoCircle")]
public sealed record GeoCircle(
    [property: Id(0)] double Lat,
    [property: Id(1)] double Lon,
    [property: Id(2)] double RadiusKm)
{
    /// <summary>The widest circle a filter may draw: more than covers the UK.</summary>
    public const double MaxRadiusKm = 1000;

    /// <summary>Checks the circle, throwing a coded error for the first fault.</summary>
    public static GeoCircle Checked(double lat, double lon, double radiusKm, string field)
    {
        if (double.IsNaN(lat) || lat is < -90 or > 90)
        {
            throw new HubException(ErrorCodes.PlaceInvalid, "Latitude must be between -90 and 90.", field, "lat");
        }

        if (double.IsNaN(lon) || lon is < -180 or > 180)
        {
            throw new HubException(ErrorCodes.PlaceInvalid, "Longitude must be between -180 and 180.", field, "lon");
        }

        return double.IsNaN(radiusKm) || radiusKm is <= 0 or > MaxRadiusKm
            ? throw new HubException(ErrorCodes.RadiusInvalid, $"The radius must be more than 0 and at most {MaxRadiusKm:0} km.", field, "radiusKm")
            : new GeoCircle(lat, lon, radiusKm);
    }

    public bool Contains(Place? place) =>
        place is { Lat: { } lat, Lon: { } lon } && Place.DistanceKm(Lat, Lon, lat, lon) <= RadiusKm;
}

/// <summary>A page request on one network's feed, newest first.</summary>
/// <param name="Before">Only items older than this position (the cursor); null for the newest.</param>
/// <param name="First">How many items at most.</param>
/// <param name="Kinds">Only these kinds; null or empty for all.</param>
[GenerateSerializer, Immutable, Alias("FeedQuery")]
public sealed record FeedQuery(
    [property: Id(0)] long? Before,
    [property: Id(1)] int First,
    [property: Id(2)] IReadOnlyList<ActivityKind>? Kinds,
    [property: Id(3)] FeedAudience Audience)
{
    /// <summary>Only items with at least one of these themes (lower-case); null or empty for all.</summary>
    [Id(4)]
    public IReadOnlyList<string>? Themes { get; init; }

    /// <summary>Only items with at least one of these labels (lower-case); null or empty for all.</summary>
    [Id(5)]
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>Only items whose place has a point inside this circle.</summary>
    [Id(6)]
    public GeoCircle? Near { get; init; }

    /// <summary>Only items posted at or after this time.</summary>
    [Id(7)]
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only items posted before this time: where a merged feed's earlier pages ended.</summary>
    [Id(8)]
    public DateTimeOffset? PostedBefore { get; init; }

    /// <summary>Whether the query narrows by anything but kind, so a total cannot be given without scanning.</summary>
    public bool HasContentFilter => Themes is { Count: > 0 } || Labels is { Count: > 0 } || Near is not null || Since is not null || PostedBefore is not null;

    /// <summary>Whether <paramref name="activity"/> passes every filter but the audience and kinds.</summary>
    public bool MatchesContent(Activity activity) =>
        (Themes is not { Count: > 0 } || activity.Themes.Any(Themes.Contains))
        && (Labels is not { Count: > 0 } || activity.Labels.Any(Labels.Contains))
        && (Near is null || Near.Contains(activity.Place))
        && (PostedBefore is null || activity.PostedAt < PostedBefore);
}

/// <summary>A page of a feed.</summary>
/// <param name="Next">The position to pass as <see cref="FeedQuery.Before"/> for the next page, when there may be one.</param>
/// <param name="TotalCount">How many items the audience can see in the whole feed, when the query has no filter.</param>
[GenerateSerializer, Immutable, Alias("FeedPage")]
public sealed record FeedPage(
    [property: Id(0)] IReadOnlyList<Activity> Items,
    [property: Id(1)] long? Next,
    [property: Id(2)] long? TotalCount)
{
    /// <summary>When the page has a <see cref="Next"/>: when the item at that position was posted. Items not yet looked at are no newer.</summary>
    [Id(3)]
    public DateTimeOffset? NextPostedAt { get; init; }

    public static FeedPage Empty { get; } = new([], null, null);
}
