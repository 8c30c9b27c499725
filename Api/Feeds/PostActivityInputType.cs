using GraphQL.Types;
using OurSociety.Federation.Api.Common;

namespace OurSociety.Federation.Api.Feeds;

public sealed class PostActivityInputType : InputObjectGraphType
{
    public PostActivityInputType()
    {
        Name = "PostActivityInput";
        Description = "An activity to post into a network's feed on behalf of a member organisation.";
        Field<NonNullGraphType<StringGraphType>>("networkSlug").Description("The network to post into.");
        Field<NonNullGraphType<IdGraphType>>("organisationId").Description("The posting organisation's id; it must be a member of the network.");
        Field<NonNullGraphType<ActivityKindType>>("kind").Description("What the item is.");
        Field<NonNullGraphType<StringGraphType>>("title").Description("A short title, 1 to 200 characters.");
        Field<StringGraphType>("body").Description("The text, up to 20,000 characters.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("themes").Description("Up to 20 themes of up to 50 characters.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("labels").Description("Up to 20 of your own labels of up to 50 characters.");
        Field<PlaceDetailsInputType>("place").Description("Where it happens or happened.");
        Field<VisibilityType>("visibility").Description("Who may see it; NETWORK unless you choose to share more widely.").DefaultValue(Federation.Feeds.Visibility.Network);
        Field<StringGraphType>("clientRequestId").Description("Your id for this request (a UUID works): retrying with the same id posts once.");
    }
}
