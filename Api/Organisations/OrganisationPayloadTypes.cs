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

public sealed class JoinNetworkPayloadType : PayloadGraphType<OrganisationType, JoinResult>
{
    public JoinNetworkPayloadType()
        : base("JoinNetworkPayload", "organisation", "The result of joinNetwork: where the organisation now stands with the network, or why nothing changed.", r => r.Organisation) =>
        Field<MembershipStatusType>("status")
            .Description("MEMBER (the network approves automatically, or already had it) or PENDING (waiting for a coordinator); null when the mutation failed.")
            .Resolve(ctx => ctx.Source.Value?.Status);
}

public sealed class LeaveNetworkPayloadType() : PayloadGraphType<OrganisationType, OrganisationProfile>(
    "LeaveNetworkPayload", "organisation", "The result of leaveNetwork: the organisation with its networks, or why it did not leave.");
