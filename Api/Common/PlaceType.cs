using GraphQL.Types;
using OurSociety.Federation.Common;

namespace OurSociety.Federation.Api.Common;

public sealed class PlaceType : ObjectGraphType<Place>
{
    public PlaceType()
    {
        Name = "Place";
        Description = "Where something is: a name people use, a point, or a postcode district; any part may be missing.";
        Field(x => x.Name, nullable: true).Description("The place's name, e.g. 'Gateshead' or 'St Mary's church hall'.");
        Field(x => x.Lat, nullable: true).Description("Latitude in degrees (WGS84).");
        Field(x => x.Lon, nullable: true).Description("Longitude in degrees (WGS84).");
        Field(x => x.PostcodeDistrict, nullable: true).Description("The outward part of a UK postcode, e.g. NE8; never a full postcode.");
    }
}
