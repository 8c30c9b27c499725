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

    public static bool TryParse(string key, out string slug, out long seq)
    {
        var slash = key.LastIndexOf('/');
        slug = slash > 0 ? key[..slash] : string.Empty;
        seq = -1;
        return slash > 0 && Input.IsSlug(slug)
            && long.TryParse(key.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out seq);
    }
}
