using OurSociety.Federation.Common;

namespace OurSociety.Federation.Api.Common;

/// <summary>A failure a client can act on, returned in a mutation payload with a stable code.</summary>
public sealed record UserError(string Code, string Message, IReadOnlyList<string> Field)
{
    public static UserError From(HubException e) => new(e.Code, e.Message, ["input", .. e.Field]);
}
