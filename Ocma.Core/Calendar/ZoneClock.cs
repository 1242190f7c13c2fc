namespace Ocma.Core.Calendar;

/// <summary>
/// Converts between a brand's wall-clock time and UTC instants using the IANA zone rules, never the host's
/// time zone. A wall time that a spring-forward skips is refused; one a fall-back repeats takes the first
/// (earlier) instant, as people expect "01:30" to mean the first time the clock shows it.
/// </summary>
public static class ZoneClock
{
    public static bool TryFindZone(string? zoneId, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(zoneId))
        {
            return false;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    public static TimeZoneInfo FindZone(string zoneId) =>
        TryFindZone(zoneId, out var zone) ? zone : throw new InvalidOperationException($"Unknown time zone '{zoneId}'.");

    /// <summary>The UTC instant for a wall-clock time in the zone, or a message saying why there is none.</summary>
    public static Result<DateTime> ToUtc(DateTime wallClock, string zoneId)
    {
        var zone = FindZone(zoneId);
        var local = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return Result.Fail<DateTime>($"{local:yyyy-MM-dd HH:mm} does not exist in {zoneId}: the clocks skip that hour. Pick a time after the change.");
        }

        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            var earliest = offsets.Max();
            return DateTime.SpecifyKind(local - earliest, DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    public static DateTime ToWallClock(DateTime utc, string zoneId) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), FindZone(zoneId));
}
