using GraphQL;
using GraphQL.Types;
using OurSociety.Federation.Api.Common;
using OurSociety.Federation.Api.Feeds;
using OurSociety.Federation.Api.Live;
using OurSociety.Federation.Common;
using OurSociety.Federation.Feeds;

namespace OurSociety.Federation.Api;

/// <summary>Live updates, over the graphql-transport-ws protocol on the same path as queries.</summary>
public sealed class HubSubscription : ObjectGraphType
{
    public HubSubscription()
    {
        Name = "Subscription";
        Description = "Live updates over WebSocket (the graphql-transport-ws protocol at /graphql). A reader that reconnects reads the feed with its last cursor to catch up.";

        Field<NonNullGraphType<ActivityType>>("feedUpdated")
            .Description("Each new item of a network's federated feed as it is posted: the network's own items the caller may see, and what its active links share with it (linked items for its members, public ones for anyone else). A suspended or ended link stops its items at once.")
            .Argument<NonNullGraphType<StringGraphType>>("networkSlug", "The network whose federated feed to watch.")
            .Argument<ListGraphType<NonNullGraphType<ActivityKindType>>>("kinds", "Only these kinds.")
            .ResolveStreamAsync(async ctx =>
            {
                var slug = Input.Slug(ctx.GetArgument<string>("networkSlug"), "networkSlug");
                var live = ctx.RequestServices!.GetRequiredService<LiveFeeds>();
                return await live.WatchAsync(slug, await ctx.CallerAsync(), ctx.GetArgument<List<ActivityKind>?>("kinds"));
            })
            .Resolve(ctx =>
            {
                // One request scope serves every event of a subscription: each event loads its author and network afresh.
                ctx.Hub().ForgetLoaded();
                return ctx.Source;
            });

        Field<NonNullGraphType<Introductions.IntroductionType>>("introductionUpdated")
            .Description("Each change to an introduction the caller may see, as it happens: its own organisations' (with its own answer) and those its networks brokered (how it went, never anyone's details).")
            .ResolveStreamAsync(async ctx =>
            {
                var caller = (await ctx.CallerAsync()).RequireSignedIn("follow introductions");
                return await ctx.RequestServices!.GetRequiredService<LiveIntroductions>().WatchAsync(caller);
            })
            .Resolve(ctx =>
            {
                ctx.Hub().ForgetLoaded();
                return ctx.Source;
            });
    }
}
