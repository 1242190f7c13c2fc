using Ocma.Core.Calendar;

namespace Ocma.Core.Brands;

/// <summary>What a brand's name and zone must be, shared by creating and editing a brand.</summary>
public static class BrandRules
{
    public const int MaxNameLength = 100;

    /// <summary>The problem with a name and zone, or null when both are fine. The name is compared trimmed.</summary>
    public static string? Check(string name, string timeZoneId)
    {
        if (name.Length is 0 or > MaxNameLength)
        {
            return $"Give the brand a name of 1 to {MaxNameLength} characters.";
        }

        return ZoneClock.TryFindZone(timeZoneId, out _)
            ? null
            : $"'{timeZoneId}' is not a time zone this server knows. Use an IANA name such as Europe/Berlin or America/New_York.";
    }

    public static string Duplicate(string name) => $"There is already a brand called '{name}'. Pick another name.";
}
