using GraphQL.Types;
using OurSociety.Federation.Feeds;

namespace OurSociety.Federation.Api.Feeds;

public sealed class VisibilityType : EnumerationGraphType<Visibility>
{
    public VisibilityType()
    {
        Name = "Visibility";
        Description = "Who may see an activity: NETWORK (its own network), LINKED (also linked networks that accept its kind), PUBLIC (anyone). The owner chooses.";
    }
}
