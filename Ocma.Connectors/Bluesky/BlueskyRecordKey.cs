using System.Security.Cryptography;
using System.Text;

namespace Ocma.Connectors.Bluesky;

/// <summary>
/// A record key in TID syntax (13 characters of base32-sortable) derived from the idempotency key, so every
/// attempt of the same target writes the same record and a lookup can fetch it by key. The bits come from a
/// hash, not a clock: the key is stable but does not say when the post was made (createdAt does).
/// </summary>
internal static class BlueskyRecordKey
{
    private const string Alphabet = "234567abcdefghijklmnopqrstuvwxyz";

    public static string From(string idempotencyKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("ocma-bluesky-rkey:" + idempotencyKey));
        var value = BitConverter.ToUInt64(hash, 0) & 0x7FFF_FFFF_FFFF_FFFFUL;
        var chars = new char[13];
        for (var i = 12; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }

        return new string(chars);
    }
}
