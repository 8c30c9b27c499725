using GraphQL.Types;
using OurSociety.Federation.Api.Common;
using OurSociety.Federation.Feeds;

namespace OurSociety.Federation.Api.Feeds;

public sealed class ActivityKindType : EnumerationGraphType<ActivityKind>
{
    public ActivityKindType()
    {
        Name = "ActivityKind";
        Description = "What an item in a feed is: a story, a want, an offer, an event, an inspiration, a conversation, or an event's outcome.";
        this.Describe(
            ("STORY", "Something that happened and is worth telling."),
            ("WANT", "Something an organisation needs."),
            ("OFFER", "Something an organisation can give."),
            ("EVENT", "A gathering, online or offline."),
            ("INSPIRATION", "An idea or example others may take up."),
            ("CONVERSATION", "A discussion opened to others."),
            ("OUTCOME", "What an event concluded: notes, who came, what will happen next."));
    }
}
