using System.Buffers.Text;
using System.Text;

namespace OurSociety.Federation.Api.Common;

/// <summary>
/// Relay global object ids: the type name and the object's own key, base64url-encoded, so <c>node(id:)</c> can
/// find any object and clients treat ids as opaque.
/// </summary>
public static class GlobalId
{
    public static string Encode(string type, string key) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{type}:{key}"));

    /// <summary>Splits a global id into type and key; false for anything that is not one of ours.</summary>
    public static bool TryDecode(string? id, out string type, out string key)
    {
        type = key = string.Empty;
        if (string.IsNullOrEmpty(id) || id.Length > 400)
        {
            return false;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(id));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == text.Length - 1)
            {
                return false;
            }

            type = text[..colon];
            key = text[(colon + 1)..];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
