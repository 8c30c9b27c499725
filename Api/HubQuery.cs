using GraphQL;
using GraphQL.Types;
using OurSociety.Federation.Api.Access;
using OurSociety.Federation.Api.Common;
using OurSociety.Federation.Api.Feeds;
using OurSociety.Federation.Api.Introductions;
using OurSociety.Federation.Api.Matching;
using OurSociety.Federation.Api.National;
using OurSociety.Federation.Api.Networks;
using OurSociety.Federation.Api.Organisations;
using OurSociety.Federation.Common;
using OurSociety.Federation.Networks;

namespace OurSociety.Federation.Api;

public sealed class HubQuery : ObjectGraphType
{
    private const string NetworksCursor = "networks";

    public HubQuery()
    {
        Name = "Query";
        Description = "Read networks, organisations, feeds and introductions. Without a token, reads see what is public; with one, also what the caller's networks and organisations let it see.";

        Field<NodeInterface>("node")
            .Description("Fetches any object by its global id; null if it does not exist or the caller may not see it.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "A global id from an `id` field.")
            .ResolveAsync(async ctx => await Nodes.LoadAsync(ctx.Hub(), ctx.User, ctx.GetArgument<string>("id")));

        Field<NonNullGraphType<ViewerType>>("viewer")
            .Description("Who the hub takes the caller to be: the token's subject and roles, and the organisations and networks the hub's records give it.")
            .ResolveAsync(async ctx => await ctx.CallerAsync());

        Field<NetworkType>("network")
            .Description("A network by its slug; null if there is none.")
            .Argument<NonNullGraphType<StringGraphType>>("slug", "The network's slug, e.g. big-society-north.")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<HubRequest>().Networks.Load(ctx.GetArgument<string>("slug")));

        Field<NonNullGraphType<ConnectionGraphType<NetworkType, NetworkProfile>>>("networks")
            .Description("The networks on the hub, oldest first, optionally in one region.")
            .Argument<IntGraphType>("first", "How many, 1 to 100.", a => a.DefaultValue = 20)
            .Argument<CursorScalar>("after", "Start after this cursor.")
            .Argument<StringGraphType>("region", "Only networks in this UK region (ITL1), e.g. North West.")
            .ResolveAsync(async ctx =>
            {
                var hub = ctx.RequestServices!.GetRequiredService<HubRequest>();
                var after = Cursors.Decode(NetworksCursor, ctx.GetArgument<string?>("after"));
                var page = await hub.Grains.GetNetworkDirectory().GetPageAsync((int?)after, ctx.GetArgument("first", 20), ctx.GetArgument<string?>("region"));
                var profiles = await Task.WhenAll(page.Items.Select(n => hub.Networks.Load(n.Slug).GetResultAsync(ctx.CancellationToken)));
                var positions = page.Items.ToDictionary(n => n.Slug, n => n.Position);
                return RelayConnection<NetworkProfile>.Forward(
                    profiles.OfType<NetworkProfile>().ToArray(), n => Cursors.Encode(NetworksCursor, positions[n.Slug]), page.HasMore, after is not null, page.TotalCount);
            });

        this.AddFederatedFeed();
        this.AddIntroductions();
        this.AddMatches();
        this.AddNational();

        Field<OrganisationType>("organisation")
            .Description("An organisation by its id; null if there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The organisation's global id (or its plain org_ id).")
            .ResolveAsync(async ctx => OrganisationIds.TryParse(ctx.GetArgument<string>("id")) is { } id
                ? await ctx.RequestServices!.GetRequiredService<HubRequest>().ReadOrganisationAsync(id)
                : null);
    }
}
