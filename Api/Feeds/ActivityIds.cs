using System.Globalization;
using OurSociety.Federation.Api.Common;
using OurSociety.Federation.Common;
using OurSociety.Federation.Feeds;

namespace OurSociety.Federation.Api.Feeds;

/// <summary>An activity's global id carries its network and position, so <c>node(id:)</c> reads one segment, not the whole feed.</summary>
public static class ActivityIds
{
    public static string GlobalIdOf(Activity activity) =>
        GlobalId.Encode(NodeTypes.Activity, $"{activity.OriginNetwork}/{activity.Seq.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>Reads an activity's global id (as <see cref="GlobalIdOf"/> makes it); false for anything else.</summary>
    public static bool TryParseGlobal(string? id, out string slug, out long seq)
    {
        (slug, seq) = (string.Empty, -1);
        return GlobalId.TryDecode(id, out var type, out var key) && type == NodeTypes.Activity && TryParse(key, out slug, out seq);
    }

    public static bool TryParse(string key, out string slug, out long seq)
    {
        var slash = key.LastIndexOf('/');
        slug = slash > 0 ? key[..slash] : string.Empty;
        seq = -1;
        return slash > 0 && Input.IsSlug(slug)
            && long.TryParse(key.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out seq);
    }
}
