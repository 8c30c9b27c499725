using OurSociety.Federation.Api.Common;
using OurSociety.Federation.Organisations;

namespace OurSociety.Federation.Api.Organisations;

public sealed class RegisterOrganisationPayloadType() : PayloadGraphType<OrganisationType, OrganisationProfile>(
    "RegisterOrganisationPayload", "organisation", "The result of registerOrganisation: the new organisation, or why none was registered.");

public sealed class JoinNetworkPayloadType() : PayloadGraphType<OrganisationType, OrganisationProfile>(
    "JoinNetworkPayload", "organisation", "The result of joinNetwork: the organisation with its networks, or why it did not join.");

public sealed class LeaveNetworkPayloadType() : PayloadGraphType<OrganisationType, OrganisationProfile>(
    "LeaveNetworkPayload", "organisation", "The result of leaveNetwork: the organisation with its networks, or why it did not leave.");
