using GraphQL;
using GraphQL.Types;
using OurSociety.Federation.Api.Common;
using OurSociety.Federation.Api.Feeds;
using OurSociety.Federation.Api.Introductions;
using OurSociety.Federation.Common;
using OurSociety.Federation.Feeds;
using OurSociety.Federation.Introductions;
using OurSociety.Federation.Matching;

namespace OurSociety.Federation.Api.Matching;

public sealed class MatchType : ObjectGraphType<MatchSuggestion>
{
    public MatchType()
    {
        Name = "Match";
        Description = "A suggested introduction: a want posted in the network and an offer that may meet it, from the network or a linked network that shares offers with it.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The suggestion's id; pass it to `introduceMatch`.").Resolve(ctx => GlobalId.Encode(MatchIds.Type, ctx.Source.Id));
        Field<ActivityType>("want").Description("The want (null if the caller may no longer see it).").ResolveAsync(async ctx => await ActivityAsync(ctx, ctx.Source.Want));
        Field<ActivityType>("offer").Description("The offer (null if the caller may no longer see it, e.g. its link was suspended).").ResolveAsync(async ctx => await ActivityAsync(ctx, ctx.Source.Offer));
        Field<NonNullGraphType<FloatGraphType>>("score")
            .Description("From 0 to 1: the share of themes in common, weighted by distance when both have a place.")
            .Resolve(ctx => ctx.Source.Score);
        Field<NonNullGraphType<DateTimeScalar>>("suggestedAt").Description("When the hub suggested it.").Resolve(ctx => ctx.Source.SuggestedAt);
    }

    private static async Task<object?> ActivityAsync(IResolveFieldContext<MatchSuggestion> ctx, ActivityRef activity) =>
        await ctx.Hub().Grains.GetNetwork(activity.Network).GetActivityAsync(await ctx.CallerAsync(), activity.Seq);
}

public sealed class IntroduceMatchInputType : InputObjectGraphType
{
    public IntroduceMatchInputType()
    {
        Name = "IntroduceMatchInput";
        Description = "A coordinator turns a suggested match into an introduction between the want's and the offer's organisations, brokered by the network.";
        Field<NonNullGraphType<IdGraphType>>("matchId").Description("The match, from `matches`.");
        Field<StringGraphType>("reason").Description("Why they should meet; the want's and the offer's titles when omitted.");
        Field<StringGraphType>("clientRequestId").Description("Makes a retry safe: the same id from the same caller returns the first introduction.");
    }
}

public sealed class MarkWantMetInputType : InputObjectGraphType
{
    public MarkWantMetInputType()
    {
        Name = "MarkWantMetInput";
        Description = "The organisation that posted a want says it has been met.";
        Field<NonNullGraphType<IdGraphType>>("activityId").Description("The want.");
    }
}

public sealed class MarkWantMetPayloadType() : PayloadGraphType<ActivityType, Activity>(
    "MarkWantMetPayload", "activity", "The result of markWantMet: the want, or why nothing changed.");

/// <summary>Match ids: the want's network and position and the offer's, behind a <c>Match</c> global id.</summary>
public static class MatchIds
{
    public const string Type = "Match";

    public static (string Network, string Id) Parse(string? id, string field) =>
        GlobalId.TryDecode(id, out var type, out var key) && type == Type && key.IndexOf('/', StringComparison.Ordinal) is > 0 and var slash
        && Input.IsSlug(key[..slash])
            ? (key[..slash], key)
            : throw new HubException(ErrorCodes.IdInvalid, "That is not a match id; use an id from matches.", field);
}

public static class MatchFields
{
    private const string MatchesCursor = "matches";

    public static void AddMatches(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ConnectionGraphType<MatchType, MatchSuggestion>>>("matches")
            .Description("Suggested introductions for a network: wants posted in it met by offers in it or in linked networks that share offers with it, best first. For its coordinators (FORBIDDEN for anyone else signed in; empty without a token).")
            .Argument<NonNullGraphType<StringGraphType>>("networkSlug", "The network.")
            .Argument<IntGraphType>("first", "How many, 1 to 100.", a => a.DefaultValue = 20)
            .Argument<CursorScalar>("after", "Start after this cursor.")
            .ResolveAsync(async ctx =>
            {
                var caller = await ctx.CallerAsync();
                var slug = Input.Slug(ctx.GetArgument<string>("networkSlug"), "networkSlug");
                var after = Cursors.Decode(MatchesCursor, ctx.GetArgument<string?>("after"));
                if (caller.IsAnonymous)
                {
                    // Nobody has vouched for the caller: there is no suggestion it may see.
                    return RelayConnection<MatchSuggestion>.Forward([], _ => string.Empty, false, false, 0);
                }

                var start = (int)(after is { } a ? a + 1 : 0);
                var page = await ctx.Hub().Grains.GetMatches(slug).GetPageAsync(caller, start, ctx.GetArgument("first", 20))
                    ?? throw caller.Forbidden($"Only a coordinator of '{slug}' reads its suggested introductions.");
                var positions = page.Items.Select((m, i) => (m.Id, Position: start + i)).ToDictionary(p => p.Id, p => (long)p.Position, StringComparer.Ordinal);
                return RelayConnection<MatchSuggestion>.Forward(page.Items, m => Cursors.Encode(MatchesCursor, positions[m.Id]), page.HasMore, after is not null, page.TotalCount);
            });

    public static void AddMatchMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<IntroductionPayloadType, IntroduceMatchInputType, IntroductionView>(
            "introduceMatch",
            "Turns a suggested match into an introduction between the want's and the offer's organisations, brokered by the network. For its coordinators.",
            async (ctx, input) =>
            {
                var caller = (await ctx.CallerAsync()).RequireSignedIn("introduce a match");
                var (slug, id) = MatchIds.Parse(input.Get<string>("matchId"), "matchId");
                var hub = ctx.Hub();
                var match = await hub.Grains.GetMatches(slug).GetAsync(caller, id)
                    ?? throw new HubException(ErrorCodes.MatchNotFound, "There is no such match, or it is not yours to see.", "matchId");
                var reason = input.Get<string>("reason") ?? "A want in the network may be met by this offer.";
                var rid = Input.RequestId(input.Get<string>("clientRequestId"), "clientRequestId");
                var ids = ctx.RequestServices!.GetRequiredService<HubIds>();
                var introduction = rid is null ? ids.NewIntroductionId() : await hub.Grains.GetRequest(caller, "introduceMatch:" + rid).ClaimAsync(ids.NewIntroductionId());
                return await hub.Grains.GetIntroduction(introduction).RequestAsync(
                    caller, new RequestIntroduction(match.WantAuthor, match.OfferAuthor, reason, slug, match.Want, match.Offer));
            });

        mutation.Mutation<MarkWantMetPayloadType, MarkWantMetInputType, Activity>(
            "markWantMet",
            "The organisation that posted a want says it has been met: its suggestions go and its network counts it. For the want's own organisation.",
            async (ctx, input) =>
            {
                var caller = (await ctx.CallerAsync()).RequireSignedIn("mark a want met");
                var want = IntroductionIds.Activity(input.Get<string>("activityId"), "activityId")!;
                return await ctx.Hub().Grains.GetMatches(want.Network).MarkWantMetAsync(caller, want.Seq);
            });
    }
}
