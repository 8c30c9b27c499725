using OurSociety.Federation.Api.Common;
using OurSociety.Federation.Networks;

namespace OurSociety.Federation.Api.Networks;

public sealed class CreateNetworkPayloadType() : PayloadGraphType<NetworkType, NetworkProfile>(
    "CreateNetworkPayload", "network", "The result of createNetwork: the new network, or why none was created.");
