using OurSociety.Federation.Api.Common;
using OurSociety.Federation.Networks;

namespace OurSociety.Federation.Api.Networks;

public sealed class CreateNetworkPayloadType() : PayloadGraphType<NetworkType, NetworkProfile>(
    "CreateNetworkPayload", "network", "The result of createNetwork: the new network, or why none was created.");

public sealed class UpdateNetworkPayloadType() : PayloadGraphType<NetworkType, NetworkProfile>(
    "UpdateNetworkPayload", "network", "The result of updateNetwork: the network as it now is, or why nothing changed.");

public sealed class AddCoordinatorPayloadType() : PayloadGraphType<NetworkType, NetworkProfile>(
    "AddCoordinatorPayload", "network", "The result of addCoordinator.");

public sealed class RemoveCoordinatorPayloadType() : PayloadGraphType<NetworkType, NetworkProfile>(
    "RemoveCoordinatorPayload", "network", "The result of removeCoordinator.");

public sealed class ApproveJoinRequestPayloadType() : PayloadGraphType<NetworkType, NetworkProfile>(
    "ApproveJoinRequestPayload", "network", "The result of approveJoinRequest: the network with its new member, or why nothing changed.");

public sealed class DeclineJoinRequestPayloadType() : PayloadGraphType<NetworkType, NetworkProfile>(
    "DeclineJoinRequestPayload", "network", "The result of declineJoinRequest.");

public sealed class RemoveMemberPayloadType() : PayloadGraphType<NetworkType, NetworkProfile>(
    "RemoveMemberPayload", "network", "The result of removeMember.");
