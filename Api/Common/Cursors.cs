using System.Buffers.Text;
using System.Globalization;
using System.Text;
using OurSociety.Federation.Common;

namespace OurSociety.Federation.Api.Common;

/// <summary>Opaque cursors over positions in grain-held lists. The prefix names the list, so a cursor from one list is refused by another.</summary>
public static class Cursors
{
    public static string Encode(string list, long position) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{list}:{position.ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>The position in <paramref name="cursor"/>, null for no cursor, or a <c>CURSOR_INVALID</c> error.</summary>
    public static long? Decode(string list, string? cursor)
    {
        if (cursor is null)
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            if (text.StartsWith(list + ":", StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(list.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var position))
            {
                return position;
            }
        }
        catch (FormatException)
        {
        }

        throw new HubException(ErrorCodes.CursorInvalid, "That cursor does not belong to this list; use a cursor this list returned.", "after");
    }
}
