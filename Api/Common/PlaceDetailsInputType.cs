using GraphQL.Types;
using OurSociety.Federation.Common;

namespace OurSociety.Federation.Api.Common;

public sealed class PlaceDetailsInputType : InputObjectGraphType<Place>
{
    public PlaceDetailsInputType()
    {
        Name = "PlaceDetailsInput";
        Description = "A place to record: a name, a point (lat and lon together), a postcode district, or any of them.";
        Field<StringGraphType>("name").Description("The place's name, up to 200 characters.");
        Field<FloatGraphType>("lat").Description("Latitude, -90 to 90; give lon with it.");
        Field<FloatGraphType>("lon").Description("Longitude, -180 to 180; give lat with it.");
        Field<StringGraphType>("postcodeDistrict").Description("The outward part of a UK postcode, e.g. NE8.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new Place(
        value.TryGetValue("name", out var name) ? name as string : null,
        value.TryGetValue("lat", out var lat) ? lat as double? : null,
        value.TryGetValue("lon", out var lon) ? lon as double? : null,
        value.TryGetValue("postcodeDistrict", out var district) ? district as string : null);
}
