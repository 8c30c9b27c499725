using GraphQL;
using GraphQL.Types;
using OurSociety.Federation.Api.Common;
using OurSociety.Federation.Common;
using OurSociety.Federation.Feeds;

namespace OurSociety.Federation.Api.Feeds;

public static class FederatedFeedField
{
    /// <summary>Adds <c>federatedFeed</c>: one grain call to the network, which reads its own feed and each linked network's in parallel.</summary>
    public static void AddFederatedFeed(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ConnectionGraphType<ActivityType, Activity>>>("federatedFeed")
            .Description("A network's own feed plus what its linked networks share with it, newest first. Its members see the network's items and the linked and public items its active links share; anyone else sees public items only. Paging is stable while new items arrive; totalCount is null.")
            .Argument<NonNullGraphType<StringGraphType>>("networkSlug", "The network whose federated feed to read.")
            .Argument<IntGraphType>("first", "How many, 1 to 100.", a => a.DefaultValue = 20)
            .Argument<CursorScalar>("after", "Start after this cursor (older items).")
            .Argument<ListGraphType<NonNullGraphType<ActivityKindType>>>("kinds", "Only these kinds.")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("themes", "Only items with at least one of these themes.")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("labels", "Only items with at least one of these labels.")
            .Argument<PlaceInputType>("near", "Only items whose place is within this circle.")
            .Argument<DateTimeScalar>("since", "Only items posted at or after this time.")
            .ResolveAsync(async ctx =>
            {
                var slug = Input.Slug(ctx.GetArgument<string>("networkSlug"), "networkSlug");
                var filter = new FeedQuery(null, ctx.GetArgument("first", 20), ctx.GetArgument<List<ActivityKind>?>("kinds"), FeedAudience.Public)
                {
                    Themes = Tags(ctx.GetArgument<List<string>?>("themes"), "themes"),
                    Labels = Tags(ctx.GetArgument<List<string>?>("labels"), "labels"),
                    Near = ctx.GetArgument<Dictionary<string, object?>?>("near") is { } near
                        ? GeoCircle.Checked(Number(near, "lat"), Number(near, "lon"), Number(near, "radiusKm"), "near")
                        : null,
                    Since = ctx.GetArgument<DateTimeOffset?>("since"),
                };
                var after = FederatedCursor.Decode(slug, ctx.GetArgument<string?>("after"));
                var page = await ctx.Hub().Grains.GetNetwork(slug).GetFederatedFeedAsync(await ctx.CallerAsync(), new FederatedQuery(filter, after));
                var edges = page.Items.Zip(FederatedItem.PositionsAfter(after, page.Items))
                    .Select(e => new RelayEdge<Activity>(FederatedCursor.Encode(slug, e.Second), e.First.Activity))
                    .ToArray();

                // The end cursor marks where to go on, also when a filter matched nothing in what was read.
                var end = page.HasMore || edges.Length > 0 ? FederatedCursor.Encode(slug, page.End) : null;
                return new RelayConnection<Activity>(
                    edges, new RelayPageInfo(page.HasMore, after != FederatedPosition.Start, edges.FirstOrDefault()?.Cursor, end), null);
            });

    private static IReadOnlyList<string>? Tags(List<string>? tags, string field) => tags is null ? null : Input.Tags(tags, field, field);

    private static double Number(Dictionary<string, object?> input, string name) => Convert.ToDouble(input[name], System.Globalization.CultureInfo.InvariantCulture);
}
