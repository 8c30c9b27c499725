using System.Buffers.Binary;
using System.Buffers.Text;
using OurSociety.Federation.Common;
using OurSociety.Federation.Feeds;

namespace OurSociety.Federation.Api.Feeds;

/// <summary>
/// A federated feed's cursor: a <see cref="FederatedPosition"/> in a few bytes (a position per source feed, the
/// linked ones under a 4-byte key), tied to the network whose feed it pages, so it stays short with a hundred links.
/// </summary>
public static class FederatedCursor
{
    private const byte Format = 0xF1;

    public static string Encode(string slug, FederatedPosition position)
    {
        Span<byte> buffer = stackalloc byte[1 + 4 + 9 + 10 + 5 + (position.Peers.Count * 14)];
        var length = 0;
        buffer[length++] = Format;
        BinaryPrimitives.WriteUInt32LittleEndian(buffer[length..], FederatedPosition.KeyOf(slug));
        length += 4;
        length += WriteVarint(buffer[length..], position.Boundary is { } b ? (ulong)b.UtcTicks + 1 : 0);
        length += WriteVarint(buffer[length..], position.Own is { } own ? (ulong)own + 1 : 0);
        length += WriteVarint(buffer[length..], (ulong)position.Peers.Count);
        foreach (var (key, value) in position.Peers)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(buffer[length..], key);
            length += 4;
            length += WriteVarint(buffer[length..], (ulong)value);
        }

        return Base64Url.EncodeToString(buffer[..length]);
    }

    /// <summary>The position in <paramref name="cursor"/>, the start for no cursor, or a <c>CURSOR_INVALID</c> error.</summary>
    public static FederatedPosition Decode(string slug, string? cursor)
    {
        if (cursor is null)
        {
            return FederatedPosition.Start;
        }

        try
        {
            ReadOnlySpan<byte> bytes = Base64Url.DecodeFromChars(cursor);
            if (bytes.Length >= 5 && bytes[0] == Format && BinaryPrimitives.ReadUInt32LittleEndian(bytes[1..]) == FederatedPosition.KeyOf(slug))
            {
                var at = 5;
                var boundary = ReadVarint(bytes, ref at);
                var own = ReadVarint(bytes, ref at);
                var count = ReadVarint(bytes, ref at);
                if (count <= 1000 && boundary <= (ulong)DateTimeOffset.MaxValue.UtcTicks + 1 && own <= long.MaxValue)
                {
                    var peers = new Dictionary<uint, long>((int)count);
                    for (var i = 0UL; i < count; i++)
                    {
                        var key = BinaryPrimitives.ReadUInt32LittleEndian(bytes[at..]);
                        at += 4;
                        var value = ReadVarint(bytes, ref at);
                        peers[key] = value <= long.MaxValue ? (long)value : throw new FormatException();
                    }

                    if (at == bytes.Length)
                    {
                        return new FederatedPosition(
                            boundary == 0 ? null : new DateTimeOffset((long)boundary - 1, TimeSpan.Zero), own == 0 ? null : (long)own - 1, peers);
                    }
                }
            }
        }
        catch (Exception e) when (e is FormatException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
        }

        throw new HubException(ErrorCodes.CursorInvalid, "That cursor does not belong to this feed; use a cursor this feed returned.", "after");
    }

    private static int WriteVarint(Span<byte> buffer, ulong value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            buffer[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        buffer[i++] = (byte)value;
        return i;
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> bytes, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = bytes[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new FormatException();
    }
}
