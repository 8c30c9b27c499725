using GraphQL.Types;
using OurSociety.Federation.Feeds;

namespace OurSociety.Federation.Api.Feeds;

public sealed class PlaceInputType : InputObjectGraphType
{
    public PlaceInputType()
    {
        Name = "PlaceInput";
        Description = "A circle on the map to filter by: items whose place has a point within radiusKm of (lat, lon).";
        Field<NonNullGraphType<FloatGraphType>>("lat").Description("Latitude of the centre, -90 to 90.");
        Field<NonNullGraphType<FloatGraphType>>("lon").Description("Longitude of the centre, -180 to 180.");
        Field<NonNullGraphType<FloatGraphType>>("radiusKm").Description($"The radius in kilometres: more than 0, at most {GeoCircle.MaxRadiusKm:0}.");
    }
}
