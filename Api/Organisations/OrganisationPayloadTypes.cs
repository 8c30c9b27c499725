using GraphQL.Types;
using OurSociety.Federation.Api.Common;
using OurSociety.Federation.Api.Networks;
using OurSociety.Federation.Organisations;

namespace OurSociety.Federation.Api.Organisations;

public sealed class RegisterOrganisationPayloadType() : PayloadGraphType<OrganisationType, OrganisationProfile>(
    "RegisterOrganisationPayload", "organisation", "The result of registerOrganisation: the new organisation, or why none was registered.");

public sealed class UpdateOrganisationPayloadType() : PayloadGraphType<OrganisationType, OrganisationProfile>(
    "UpdateOrganisationPayload", "organisation", "The result of updateOrganisation: the organisation as it now is, or why nothing changed.");

public sealed class AddOrganisationPersonPayloadType() : PayloadGraphType<OrganisationType, OrganisationProfile>(
    "AddOrganisationPersonPayload", "organisation", "The result of addOrganisationPerson.");

public sealed class RemoveOrganisationPersonPayloadType() : PayloadGraphType<OrganisationType, OrganisationProfile>(
    "RemoveOrganisationPersonPayload", "organisation", "The result of removeOrganisationPerson.");

public sealed class JoinNetworkPayloadType : ObjectGraphType<Payload<JoinResult>>
{
    public JoinNetworkPayloadType()
    {
        Name = "JoinNetworkPayload";
        Description = "The result of joinNetwork: where the organisation now stands with the network, or why nothing changed.";
        Field<OrganisationType>("organisation").Description("The organisation; null when the mutation failed.").Resolve(ctx => ctx.Source.Value?.Organisation);
        Field<MembershipStatusType>("status")
            .Description("MEMBER (the network approves automatically, or already had it) or PENDING (waiting for a coordinator); null when the mutation failed.")
            .Resolve(ctx => ctx.Source.Value?.Status);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("errors")
            .Description("Why the mutation did nothing; empty on success.")
            .Resolve(ctx => ctx.Source.Errors);
    }
}

public sealed class LeaveNetworkPayloadType() : PayloadGraphType<OrganisationType, OrganisationProfile>(
    "LeaveNetworkPayload", "organisation", "The result of leaveNetwork: the organisation with its networks, or why it did not leave.");
