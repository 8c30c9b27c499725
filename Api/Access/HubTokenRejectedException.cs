namespace OurSociety.Federation.Api.Access;

/// <summary>A token that passed JwtBearer's checks but not the hub's own (no subject); its message is safe to show.</summary>
internal sealed class HubTokenRejectedException(string message) : Exception(message);
