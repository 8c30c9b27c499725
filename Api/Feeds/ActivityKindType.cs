using GraphQL.Types;
using OurSociety.Federation.Feeds;

namespace OurSociety.Federation.Api.Feeds;

public sealed class ActivityKindType : EnumerationGraphType<ActivityKind>
{
    public ActivityKindType()
    {
        Name = "ActivityKind";
        Description = "What an item in a feed is: a story, a want, an offer, an event, an inspiration, a conversation, or an event's outcome.";
    }
}
