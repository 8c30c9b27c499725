using GraphQL.Types;
using OurSociety.Federation.Api.Common;
using OurSociety.Federation.Feeds;

namespace OurSociety.Federation.Api.Feeds;

public sealed class VisibilityType : EnumerationGraphType<Visibility>
{
    public VisibilityType()
    {
        Name = "Visibility";
        Description = "Who may see an activity: NETWORK (its own network), LINKED (also linked networks that accept its kind), PUBLIC (anyone). The owner chooses.";
        this.Describe(
            ("NETWORK", "Only the network it was posted in."),
            ("LINKED", "Also networks linked to it that accept this kind."),
            ("PUBLIC", "Anyone, and it may be counted in national statistics."));
    }
}
