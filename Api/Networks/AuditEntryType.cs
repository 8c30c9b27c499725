using GraphQL.Types;
using OurSociety.Federation.Api.Common;
using OurSociety.Federation.Api.Organisations;
using OurSociety.Federation.Networks;

namespace OurSociety.Federation.Api.Networks;

public sealed class AuditEntryType : ObjectGraphType<AuditEntry>
{
    public AuditEntryType()
    {
        Name = "AuditEntry";
        Description = "One line of a network's audit trail: who did what, when, and why if they said.";
        Field<NonNullGraphType<DateTimeScalar>>("at").Description("When.").Resolve(ctx => ctx.Source.At);
        Field<NonNullGraphType<AuditActionType>>("action").Description("What happened.").Resolve(ctx => ctx.Source.Action);
        Field(x => x.Actor).Description("Who acted (their sign-in subject).");
        Field<OrganisationType>("organisation")
            .Description("The organisation acted on, if any.")
            .Resolve(ctx => ctx.Source.OrganisationId is { } id ? ctx.Hub().Organisations.Load(id) : null);
        Field(x => x.Subject, nullable: true).Description("The person acted on (a coordinator added or removed), if any.");
        Field(x => x.Detail, nullable: true).Description("What changed, or the reason the actor gave.");
    }
}
