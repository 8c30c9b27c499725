using GraphQL;
using GraphQL.Types;
using OurSociety.Federation.Access;
using OurSociety.Federation.Api.Common;
using OurSociety.Federation.Api.Organisations;
using OurSociety.Federation.Common;
using OurSociety.Federation.Introductions;

namespace OurSociety.Federation.Api.Introductions;

public static class IntroductionsField
{
    /// <summary>Adds <c>introductions(first, after, state, organisationId, networkSlug)</c> to the query root.</summary>
    public static void AddIntroductions(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ConnectionGraphType<IntroductionType, IntroductionView>>>("introductions")
            .Description("Introductions the caller may see, newest request first: its own organisations' (with `organisationId`, that one's), and those its networks brokered (with `networkSlug`, that network's, for its coordinators). With both, the organisation's introductions that the network brokered, for the organisation's people (as they see them) or the network's coordinators (as its broker sees them); FORBIDDEN for anyone else. Empty without a token.")
            .Argument<IntGraphType>("first", "How many, 1 to 100.", a => a.DefaultValue = 20)
            .Argument<CursorScalar>("after", "Start after this cursor.")
            .Argument<IntroductionStateType>("state", "Only introductions in this state.")
            .Argument<IdGraphType>("organisationId", "Only this organisation's introductions (you act for it, or, with `networkSlug`, coordinate that network).")
            .Argument<StringGraphType>("networkSlug", "Only what this network brokered (you coordinate it, or, with `organisationId`, act for that organisation).")
            .ResolveAsync(async ctx =>
            {
                var caller = await ctx.CallerAsync();
                var first = Input.PageSize(ctx.GetArgument("first", 20), 100, "first");
                if (caller.IsAnonymous)
                {
                    // Nobody has vouched for the caller: there is no introduction it may see.
                    return RelayConnection<IntroductionView>.Forward([], IntroductionIds.Cursor, false, false, 0);
                }

                var after = IntroductionIds.Position(ctx.GetArgument<string?>("after"));
                var state = ctx.GetArgument<IntroductionState?>("state");
                var grains = ctx.Hub().Grains;
                var pages = await Task.WhenAll(Pages(grains, caller, ctx.GetArgument<string?>("organisationId"), ctx.GetArgument<string?>("networkSlug"), after, first, state, out var named));
                if (named && pages[0] is null)
                {
                    throw caller.Forbidden("Only an organisation's own people read its introductions, and only a network's coordinators read what it brokered.");
                }

                // Newest first across the lists; a party's view wins over the broker's view of the same introduction. A
                // total is given for one inbox or one network's records.
                var merged = IntroductionLedgers.Merge(pages, first) ?? new Page<IntroductionView>([], false, 0);
                return RelayConnection<IntroductionView>.Forward(
                    [.. merged.Items], IntroductionIds.Cursor, merged.HasMore, after is not null, named ? merged.TotalCount : null);
            });

    private static Task<Page<IntroductionView>?>[] Pages(
        IGrainFactory grains, Caller caller, string? organisationId, string? networkSlug, IntroductionPosition? after, int first, IntroductionState? state, out bool named)
    {
        named = organisationId is not null || networkSlug is not null;
        var organisation = organisationId is null ? null : OrganisationIds.Parse(organisationId, "organisationId");
        var network = networkSlug is null ? null : Input.Slug(networkSlug, "networkSlug");
        if (organisation is not null && network is not null)
        {
            // Both: the organisation's inbox holds each of its introductions with its broker, so it answers for either reader.
            return [grains.GetInbox(organisation).GetBrokeredPageAsync(caller, network, after, first, state)];
        }

        Task<Page<IntroductionView>?> Inbox(string id) => grains.GetInbox(id).GetPageAsync(caller, after, first, state);
        Task<Page<IntroductionView>?> Ledger(string slug) => grains.GetLedgerPageAsync(caller, slug, after, first, state);
        return organisation is not null ? [Inbox(organisation)]
            : network is not null ? [Ledger(network)]
            : [.. caller.Organisations.Select(Inbox), .. caller.Networks.Select(Ledger)];
    }
}
