using GraphQL.Types;

namespace OurSociety.Federation.Api.Common;

/// <summary>The schema's <c>DateTime</c>: ISO-8601 with an offset, as the API contract names it.</summary>
public sealed class DateTimeScalar : DateTimeOffsetGraphType
{
    public DateTimeScalar()
    {
        Name = "DateTime";
        Description = "A point in time, ISO-8601 with an offset, e.g. 2026-11-23T19:58:00+00:00.";
    }
}
