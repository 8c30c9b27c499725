using GraphQL;
using GraphQL.Types;
using OurSociety.Federation.Api.Common;
using OurSociety.Federation.Api.Feeds;
using OurSociety.Federation.Api.Organisations;
using OurSociety.Federation.Common;
using OurSociety.Federation.Feeds;
using OurSociety.Federation.Networks;
using OurSociety.Federation.Networks.Links;
using OurSociety.Federation.Organisations;

namespace OurSociety.Federation.Api.Networks;

public sealed class NetworkType : ObjectGraphType<NetworkProfile>
{
    public const string FeedCursor = "feed";
    public const string MembersCursor = "members";
    public const string JoinRequestsCursor = "joinRequests";
    public const string AuditCursor = "audit";

    public NetworkType()
    {
        Name = "Network";
        Description = "A regional network's hub: its profile, member organisations and feed; for its coordinators and members, also its join requests and audit trail.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is NetworkProfile;
        this.KeyedByGlobalId(("slug", (ctx, slug) => ctx.Hub().Networks.Load(slug).GetResultAsync(ctx.CancellationToken)));
        Field<NonNullGraphType<IdGraphType>>("id").Description("The network's global id.").Resolve(ctx => GlobalId.Encode(NodeTypes.Network, ctx.Source.Slug));
        Field(x => x.Slug).Description("The network's unique, readable key, e.g. big-society-north.");
        Field(x => x.Name).Description("The network's name.");
        Field(x => x.Region).Description("The UK region (ITL1) the network works in, e.g. North East.");
        Field(x => x.NationalStatistics).Description(
            "Whether the network lets national statistics count its non-public activity (posted since it opted in) for national viewers. Public activity is always counted; its coordinators decide with setNationalStatistics.");
        Field(x => x.Charter, nullable: true).Description("The network's charter: its values and what members sign up to.");
        Field<NonNullGraphType<DateTimeScalar>>("createdAt").Description("When the network was created on the hub.").Resolve(ctx => ctx.Source.CreatedAt);
        Field(x => x.MemberCount).Description("How many organisations are members.");
        Field<NonNullGraphType<JoinPolicyType>>("joinPolicy").Description("Whether a coordinator approves each request to join (APPROVAL) or every request is approved (AUTOMATIC).").Resolve(ctx => ctx.Source.JoinPolicy);
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("coordinators")
            .Description("Who coordinates the network (their sign-in subjects). Visible to its coordinators and members; null for anyone else.")
            .ResolveAsync(async ctx => await ctx.Hub().Grains.GetNetwork(ctx.Source.Slug).GetCoordinatorsAsync(await ctx.CallerAsync()));

        Field<ConnectionGraphType<JoinRequestType, PendingJoinRequest>>("joinRequests")
            .Description("Requests to join waiting for a coordinator, newest first, with newcomers (registered on the hub in the last 90 days) marked. For its coordinators; null for anyone else.")
            .Argument<IntGraphType>("first", "How many, 1 to 100.", a => a.DefaultValue = 20)
            .Argument<CursorScalar>("after", "Start after this cursor (older requests).")
            .ResolveAsync(async ctx =>
            {
                var after = Cursors.Decode(JoinRequestsCursor, ctx.GetArgument<string?>("after"));
                var page = await ctx.Hub().Grains.GetNetwork(ctx.Source.Slug).GetJoinRequestsAsync(await ctx.CallerAsync(), after, ctx.GetArgument("first", 20));
                return page is null ? null : RelayConnection<PendingJoinRequest>.Forward(
                    page.Items, r => Cursors.Encode(JoinRequestsCursor, r.Request.Seq), page.HasMore, after is not null, page.TotalCount);
            });

        Field<ConnectionGraphType<AuditEntryType, AuditEntry>>("auditTrail")
            .Description("What coordinators did (approvals, declines, removals, charter and coordinator changes) and who joined or left, newest first. For its coordinators and members; null for anyone else.")
            .Argument<IntGraphType>("first", "How many, 1 to 100.", a => a.DefaultValue = 20)
            .Argument<CursorScalar>("after", "Start after this cursor (older entries).")
            .ResolveAsync(async ctx =>
            {
                var after = Cursors.Decode(AuditCursor, ctx.GetArgument<string?>("after"));
                var page = await ctx.Hub().Grains.GetNetwork(ctx.Source.Slug).GetAuditTrailAsync(await ctx.CallerAsync(), after, ctx.GetArgument("first", 20));
                return page is null ? null : RelayConnection<AuditEntry>.Forward(
                    page.Items, e => Cursors.Encode(AuditCursor, e.Seq), page.HasMore, after is not null, page.TotalCount);
            });

        Field<NonNullGraphType<ConnectionGraphType<OrganisationType, OrganisationProfile>>>("members")
            .Description("Member organisations, in the order they joined.")
            .Argument<IntGraphType>("first", "How many, 1 to 100.", a => a.DefaultValue = 20)
            .Argument<CursorScalar>("after", "Start after this cursor.")
            .ResolveAsync(async ctx =>
            {
                var hub = ctx.RequestServices!.GetRequiredService<HubRequest>();
                var after = Cursors.Decode(MembersCursor, ctx.GetArgument<string?>("after"));
                var page = await hub.Grains.GetNetwork(ctx.Source.Slug).GetMembersAsync(after, ctx.GetArgument("first", 20));
                var profiles = await Task.WhenAll(page.Items.Select(m => hub.Organisations.Load(m.OrganisationId).GetResultAsync(ctx.CancellationToken)));
                var members = page.Items.Zip(profiles).Where(p => p.Second is not null).ToArray();
                var cursors = members.ToDictionary(m => m.Second!.Id, m => Cursors.Encode(MembersCursor, m.First.Seq));
                return RelayConnection<OrganisationProfile>.Forward(
                    members.Select(m => m.Second!).ToArray(), o => cursors[o.Id], page.HasMore, after is not null, page.TotalCount);
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LinkType>>>>("links")
            .Description("The network's links with other networks, by the other's slug, optionally in one state. Proposals are shown to the network's coordinators only.")
            .Argument<LinkStateType>("state", "Only links in this state.")
            .ResolveAsync(async ctx => await ctx.Hub().Grains.GetNetwork(ctx.Source.Slug).GetLinksAsync(await ctx.CallerAsync(), ctx.GetArgument<LinkState?>("state")));

        Field<NonNullGraphType<ConnectionGraphType<ActivityType, Activity>>>("feed")
            .Description("The network's own feed, newest first, showing only what the caller may see. Paging is stable while new items arrive.")
            .Argument<IntGraphType>("first", "How many, 1 to 100.", a => a.DefaultValue = 20)
            .Argument<CursorScalar>("after", "Start after this cursor (older items).")
            .Argument<ListGraphType<NonNullGraphType<ActivityKindType>>>("kinds", "Only these kinds.")
            .ResolveAsync(async ctx =>
            {
                var hub = ctx.RequestServices!.GetRequiredService<HubRequest>();
                var after = Cursors.Decode(FeedCursor, ctx.GetArgument<string?>("after"));
                var query = new FeedQuery(after, ctx.GetArgument("first", 20), ctx.GetArgument<List<ActivityKind>?>("kinds"), FeedAudience.Public);
                var page = await hub.Grains.GetNetwork(ctx.Source.Slug).GetFeedAsync(await ctx.CallerAsync(), query);
                var connection = RelayConnection<Activity>.Forward(
                    page.Items, a => Cursors.Encode(FeedCursor, a.Seq), page.Next is not null, after is not null, page.TotalCount);

                // When a filter skipped everything it scanned, there is no last edge; the end cursor still marks where to go on.
                return page.Next is { } next
                    ? connection with { PageInfo = connection.PageInfo with { EndCursor = Cursors.Encode(FeedCursor, next) } }
                    : connection;
            });
    }
}
