using System.Globalization;

namespace Ocma.Connectors.Instagram;

/// <summary>Graph timestamps look like 2026-11-23T12:00:00+0000 (no colon in the offset).</summary>
internal static class InstagramTime
{
    public static bool TryParse(string? value, out DateTimeOffset at) =>
        DateTimeOffset.TryParseExact(value, ["yyyy-MM-dd'T'HH:mm:sszzzz", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss'+0000'"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at);
}
