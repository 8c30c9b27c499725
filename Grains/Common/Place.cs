namespace OurSociety.Federation.Common;

/// <summary>Where something is: a name people use, a point, or a postcode district. Any part may be missing, but a point has both coordinates.</summary>
[GenerateSerializer, Immutable, Alias("Place")]
public sealed record Place(
    [property: Id(0)] string? Name,
    [property: Id(1)] double? Lat,
    [property: Id(2)] double? Lon,
    [property: Id(3)] string? PostcodeDistrict)
{
    /// <summary>Whether the place has a point on the map.</summary>
    public bool HasPoint => Lat.HasValue && Lon.HasValue;

    /// <summary>Great-circle distance in kilometres between two points (haversine).</summary>
    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        const double EarthRadiusKm = 6371.0088;
        var dLat = double.DegreesToRadians(lat2 - lat1);
        var dLon = double.DegreesToRadians(lon2 - lon1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(double.DegreesToRadians(lat1)) * Math.Cos(double.DegreesToRadians(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
