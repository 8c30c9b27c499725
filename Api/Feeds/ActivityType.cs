using GraphQL.Types;
using OurSociety.Federation.Api.Common;
using OurSociety.Federation.Api.Networks;
using OurSociety.Federation.Api.Organisations;
using OurSociety.Federation.Feeds;

namespace OurSociety.Federation.Api.Feeds;

public sealed class ActivityType : ObjectGraphType<Activity>
{
    public ActivityType()
    {
        Name = "Activity";
        Description = "One item in a feed: a story, want, offer, event, inspiration, conversation or outcome, posted by a member organisation into its network.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is Activity;
        this.KeyedByGlobalId();
        Field<NonNullGraphType<IdGraphType>>("id").Description("The activity's global id.").Resolve(ctx => ActivityIds.GlobalIdOf(ctx.Source));
        Field<NonNullGraphType<ActivityKindType>>("kind").Description("What the item is.").Resolve(ctx => ctx.Source.Kind);
        Field(x => x.Title).Description("A short title, up to 200 characters.");
        Field(x => x.Body).Description("The text, up to 20,000 characters; may be empty.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("themes")
            .Description("Themes chosen by the author, lower-case (e.g. food, housing, loneliness).").Resolve(ctx => ctx.Source.Themes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("labels")
            .Description("Labels the owning organisation chose to add, such as a campaign name. Nobody else labels an item.").Resolve(ctx => ctx.Source.Labels);
        Field<PlaceType>("place").Description("Where it happens or happened, if the author said.").Resolve(ctx => ctx.Source.Place);
        Field<NonNullGraphType<VisibilityType>>("visibility").Description("Who may see it, as the author chose.").Resolve(ctx => ctx.Source.Visibility);
        Field<NonNullGraphType<DateTimeScalar>>("postedAt").Description("When it was posted.").Resolve(ctx => ctx.Source.PostedAt);
        Field<NonNullGraphType<OrganisationType>>("author")
            .Description("The organisation that posted it.")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<HubRequest>().Organisations.Load(ctx.Source.AuthorId));
        Field<NonNullGraphType<NetworkType>>("originNetwork")
            .Description("The network it was posted in.")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<HubRequest>().Networks.Load(ctx.Source.OriginNetwork));
    }
}
