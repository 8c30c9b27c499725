using GraphQL.Types;
using OurSociety.Federation.Access;
using OurSociety.Federation.Api.Common;
using OurSociety.Federation.Api.Networks;
using OurSociety.Federation.Api.Organisations;

namespace OurSociety.Federation.Api.Access;

public sealed class HubRoleType : EnumerationGraphType
{
    public HubRoleType()
    {
        Name = "HubRole";
        Description = "A hub-wide role a token grants.";
        Add("ADMIN", HubRoles.Admin, "Creates networks and names their first coordinators.");
        Add("NATIONAL_VIEWER", HubRoles.NationalViewer, "Reads the national aggregates.");
    }
}

public sealed class ViewerType : ObjectGraphType<Caller>
{
    public ViewerType()
    {
        Name = "Viewer";
        Description = "The caller, as the hub sees it.";
        Field<StringGraphType>("subject").Description("The token's subject; null without a token.").Resolve(ctx => ctx.Source.IsAnonymous ? null : ctx.Source.Subject);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<HubRoleType>>>>("roles")
            .Description("Hub-wide roles from the token.")
            .Resolve(ctx => Enum.GetValues<HubRoles>().Where(r => r != HubRoles.None && ctx.Source.Has(r)).ToArray());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrganisationType>>>>("organisations")
            .Description("The organisations the caller acts for.")
            .ResolveAsync(async ctx =>
            {
                var profiles = await Task.WhenAll(ctx.Source.Organisations.Select(o => ctx.Hub().Organisations.Load(o).GetResultAsync(ctx.CancellationToken)));
                return profiles.Where(p => p is not null).ToArray();
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NetworkType>>>>("coordinates")
            .Description("The networks the caller coordinates.")
            .ResolveAsync(async ctx =>
            {
                var networks = await Task.WhenAll(ctx.Source.Networks.Select(n => ctx.Hub().Networks.Load(n).GetResultAsync(ctx.CancellationToken)));
                return networks.Where(n => n is not null).ToArray();
            });
    }
}
