using GraphQL.Types;
using OurSociety.Federation.Api.Common;
using OurSociety.Federation.Api.Organisations;
using OurSociety.Federation.Networks;

namespace OurSociety.Federation.Api.Networks;

public sealed class JoinRequestType : ObjectGraphType<PendingJoinRequest>
{
    public JoinRequestType()
    {
        Name = "JoinRequest";
        Description = "An organisation's request to join a network, as its coordinators see it.";
        Field<OrganisationType>("organisation")
            .Description("The organisation asking.")
            .Resolve(ctx => ctx.Hub().Organisations.Load(ctx.Source.Request.OrganisationId));
        Field<NonNullGraphType<DateTimeScalar>>("requestedAt").Description("When it asked.").Resolve(ctx => ctx.Source.Request.RequestedAt);
        Field<StringGraphType>("message").Description("Its note to the coordinators, if any.").Resolve(ctx => ctx.Source.Request.Message);
        Field<NonNullGraphType<BooleanGraphType>>("newcomer")
            .Description("Whether the organisation registered on the hub in the last 90 days: networks stand on the side of newcomers.")
            .Resolve(ctx => ctx.Source.Newcomer);
    }
}
