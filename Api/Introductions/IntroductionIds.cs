using System.Buffers.Text;
using System.Globalization;
using System.Text;
using OurSociety.Federation.Api.Common;
using OurSociety.Federation.Api.Feeds;
using OurSociety.Federation.Common;
using OurSociety.Federation.Introductions;

namespace OurSociety.Federation.Api.Introductions;

/// <summary>Introduction ids, activity references and list cursors as the API takes and gives them.</summary>
public static class IntroductionIds
{
    public static string GlobalIdOf(string id) => GlobalId.Encode(NodeTypes.Introduction, id);

    public static string? TryParse(string? id)
    {
        if (HubIds.IsIntroductionId(id))
        {
            return id;
        }

        return GlobalId.TryDecode(id, out var type, out var key) && type == NodeTypes.Introduction && HubIds.IsIntroductionId(key) ? key : null;
    }

    public static string Parse(string? id, string field) =>
        TryParse(id) ?? throw new HubException(ErrorCodes.IdInvalid, "That is not an introduction id; use the id requestIntroduction returned.", field);

    /// <summary>An activity's global id as a reference, or a coded error.</summary>
    public static ActivityRef? Activity(string? id, string field)
    {
        if (id is null)
        {
            return null;
        }

        return ActivityIds.TryParseGlobal(id, out var slug, out var seq)
            ? new ActivityRef(slug, seq)
            : throw new HubException(ErrorCodes.IdInvalid, "That is not an activity id.", field);
    }

    public static string Cursor(IntroductionView view) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"introductions:{view.RequestedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{view.Id}"));

    public static IntroductionPosition? Position(string? cursor)
    {
        if (cursor is null)
        {
            return null;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split(':');
            if (parts is ["introductions", var ticks, var id] && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var t)
                && t <= DateTimeOffset.MaxValue.UtcTicks && HubIds.IsIntroductionId(id))
            {
                return new IntroductionPosition(new DateTimeOffset(t, TimeSpan.Zero), id);
            }
        }
        catch (FormatException)
        {
        }

        throw new HubException(ErrorCodes.CursorInvalid, "That cursor does not come from this list.", "after");
    }
}
