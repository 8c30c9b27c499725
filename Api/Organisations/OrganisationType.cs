using GraphQL.Types;
using OurSociety.Federation.Api.Common;
using OurSociety.Federation.Api.Networks;
using OurSociety.Federation.Common;
using OurSociety.Federation.Organisations;

namespace OurSociety.Federation.Api.Organisations;

public sealed class OrganisationType : ObjectGraphType<OrganisationProfile>
{
    public OrganisationType()
    {
        Name = "Organisation";
        Description = "A member organisation: a charity, social enterprise, community group, housing association, public-service team, business or informal group.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is OrganisationProfile;
        this.KeyedByGlobalId();
        Field<NonNullGraphType<IdGraphType>>("id").Description("The organisation's global id.").Resolve(ctx => GlobalId.Encode(NodeTypes.Organisation, ctx.Source.Id));
        Field(x => x.Name).Description("The organisation's name.");
        Field(x => x.Kind).Description("CHARITY, SOCIAL_ENTERPRISE, COMMUNITY_GROUP, HOUSING_ASSOCIATION, PUBLIC_SERVICE, BUSINESS or INFORMAL_GROUP.");
        Field(x => x.OrgId, nullable: true).Description("Its identifier in a public register, in org-id form, e.g. GB-CHC-1234567.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("themes").Description("What it works on, lower-case.").Resolve(ctx => ctx.Source.Themes);
        Field<PlaceType>("registeredAt").Description("Where it is registered (a head office may be far from the work).").Resolve(ctx => ctx.Source.RegisteredAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlaceType>>>>("activeIn").Description("Where it does its work.").Resolve(ctx => ctx.Source.ActiveIn);
        Field<NonNullGraphType<DateTimeScalar>>("registeredOn").Description("When it registered on the hub.").Resolve(ctx => ctx.Source.RegisteredOn);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NetworkType>>>>("networks")
            .Description("The networks it belongs to, in joining order.")
            .ResolveAsync(async ctx =>
            {
                var hub = ctx.RequestServices!.GetRequiredService<HubRequest>();
                var networks = await Task.WhenAll(ctx.Source.Networks.Select(n => hub.Networks.Load(n).GetResultAsync(ctx.CancellationToken)));
                return networks.Where(n => n is not null).ToArray();
            });
        Field<ContactType>("contact")
            .Description("Visible only to the organisation's own people and to the other side of a CONNECTED introduction; null for everyone else.")
            .ResolveAsync(async ctx =>
                // Under an introduction's counterpart, contact goes with that view: a live event of an earlier version,
                // delivered after the two connected, still shows none.
                ctx.Parent?.Source is OurSociety.Federation.Introductions.IntroductionView { State: not OurSociety.Federation.Introductions.IntroductionState.Connected }
                    ? null
                    : await ctx.Hub().Grains.GetOrganisation(ctx.Source.Id).GetContactAsync(await ctx.CallerAsync()));
        Field<Introductions.IntroductionPreferencesType>("introductionPreferences")
            .Description("Which introductions it takes. Visible to its own people; null for everyone else.")
            .ResolveAsync(async ctx => await ctx.Hub().Grains.GetInbox(ctx.Source.Id).GetPreferencesAsync(await ctx.CallerAsync()));
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("people")
            .Description("Who may act for it (their sign-in subjects). Visible to its own people; null for everyone else.")
            .ResolveAsync(async ctx => (await ctx.Hub().OwnOrganisationAsync(ctx.Source.Id, ctx.User))?.People);
        Field<ListGraphType<NonNullGraphType<NetworkType>>>("pendingNetworks")
            .Description("Networks it has asked to join that have not answered. Visible to its own people; null for everyone else.")
            .ResolveAsync(async ctx =>
            {
                var hub = ctx.Hub();
                if (await hub.OwnOrganisationAsync(ctx.Source.Id, ctx.User) is not { } own)
                {
                    return null;
                }

                var networks = await Task.WhenAll(own.PendingNetworks.Select(n => hub.Networks.Load(n).GetResultAsync(ctx.CancellationToken)));
                return networks.Where(n => n is not null).ToArray();
            });
    }
}
