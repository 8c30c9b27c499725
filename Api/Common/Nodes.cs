using System.Security.Claims;
using OurSociety.Federation.Api.Feeds;
using OurSociety.Federation.Common;

namespace OurSociety.Federation.Api.Common;

/// <summary>
/// Loads an object by its global id, the one path that <c>node(id:)</c> and federation's <c>_entities</c> share, so
/// both apply the same rules: networks and organisation profiles are public, an activity is read through its
/// network's feed with the caller's rights (null if the caller may not see it), an introduction by its own grain, for
/// its two organisations' people and its brokering network's coordinators only.
/// </summary>
public static class Nodes
{
    /// <returns>The object, or null if the id is not ours, names nothing, or names what the caller may not see.</returns>
    public static async Task<object?> LoadAsync(HubRequest hub, ClaimsPrincipal? user, string? id)
    {
        if (!GlobalId.TryDecode(id, out var type, out var key))
        {
            return null;
        }

        return type switch
        {
            NodeTypes.Network when Input.IsSlug(key) => await hub.Grains.GetNetwork(key).GetProfileAsync(),
            NodeTypes.Organisation => await hub.ReadOrganisationAsync(key),
            NodeTypes.Activity when ActivityIds.TryParse(key, out var slug, out var seq) => await hub.Grains.GetNetwork(slug).GetActivityAsync(await hub.CallerAsync(user), seq),
            NodeTypes.Introduction when HubIds.IsIntroductionId(key) => await hub.Grains.GetIntroduction(key).GetAsync(await hub.CallerAsync(user)),
            _ => null,
        };
    }
}
