using OurSociety.Federation.Api.Common;
using OurSociety.Federation.Common;

namespace OurSociety.Federation.Api.Organisations;

/// <summary>Organisation ids as the API takes them: the global id it returns, or the plain <c>org_…</c> id.</summary>
public static class OrganisationIds
{
    public static string? TryParse(string? id)
    {
        if (HubIds.IsOrganisationId(id))
        {
            return id;
        }

        return GlobalId.TryDecode(id, out var type, out var key) && type == NodeTypes.Organisation && HubIds.IsOrganisationId(key) ? key : null;
    }

    public static string Parse(string? id, string field) =>
        TryParse(id) ?? throw new HubException(ErrorCodes.IdInvalid, "That is not an organisation id; use the id registerOrganisation returned.", field);
}
