using Ocma.Core.Calendar;

namespace Ocma.Tests.Core;

public sealed class ZoneClockTests
{
    [Fact]
    public void ToUtc_OrdinaryTime_UsesTheZoneOffsetNotTheHosts()
    {
        var utc = ZoneClock.ToUtc(new DateTime(2026, 7, 1, 9, 0, 0), "Europe/Berlin");

        Assert.Equal(new DateTime(2026, 7, 1, 7, 0, 0, DateTimeKind.Utc), utc.Value);
    }

    [Fact]
    public void ToUtc_TimeSkippedBySpringForward_IsRefusedWithAnExplanation()
    {
        var result = ZoneClock.ToUtc(new DateTime(2026, 3, 29, 2, 30, 0), "Europe/Berlin");

        Assert.False(result.Succeeded);
        Assert.Contains("clocks skip that hour", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ToUtc_TimeRepeatedByFallBack_TakesTheFirstOccurrence()
    {
        var result = ZoneClock.ToUtc(new DateTime(2026, 10, 25, 2, 30, 0), "Europe/Berlin");

        Assert.Equal(new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc), result.Value);
    }

    [Fact]
    public void ToWallClock_RoundTripsAcrossZones()
    {
        var utc = new DateTime(2026, 1, 15, 14, 0, 0, DateTimeKind.Utc);

        Assert.Equal(new DateTime(2026, 1, 15, 9, 0, 0), ZoneClock.ToWallClock(utc, "America/New_York"));
        Assert.Equal(new DateTime(2026, 1, 15, 23, 0, 0), ZoneClock.ToWallClock(utc, "Asia/Tokyo"));
    }

    [Fact]
    public void TryFindZone_UnknownName_IsFalse() => Assert.False(ZoneClock.TryFindZone("Mars/Olympus", out _));
}
