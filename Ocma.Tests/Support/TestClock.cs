using System.Globalization;
using Microsoft.Extensions.Time.Testing;

namespace Ocma.Tests.Support;

/// <summary>
/// Where test clocks start. Every fixed instant a test gives Ocma's clock goes through here, so the whole suite can be
/// run with every test clock moved far from the machine's clock: <c>OCMA_TEST_CLOCK_SHIFT_YEARS=-28</c> puts them 28
/// years in the past, as if the machine's clock were 28 years ahead. Anything that mixes Ocma's clock with the system
/// clock then fails. The shift is a multiple of 28 years, so every date keeps its weekday and the zone rules' clock
/// changes fall on the same dates.
/// </summary>
public static class TestClock
{
    public const string ShiftVariable = "OCMA_TEST_CLOCK_SHIFT_YEARS";

    public static int ShiftYears { get; } = ReadShift();

    /// <summary>A fake clock stopped at the given UTC instant (shifted).</summary>
    public static FakeTimeProvider Starting(int year, int month, int day, int hour = 0, int minute = 0) => new(At(year, month, day, hour, minute));

    /// <summary>A fake clock stopped at the machine's current instant (shifted): for tests that only need "some now".</summary>
    public static FakeTimeProvider StartingNow() => new(DateTimeOffset.UtcNow.AddYears(ShiftYears));

    /// <summary>A UTC instant (shifted).</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year + ShiftYears, month, day, hour, minute, second, TimeSpan.Zero);

    /// <summary>A UTC <see cref="DateTime"/> (shifted), as Ocma stores instants.</summary>
    public static DateTime Utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year + ShiftYears, month, day, hour, minute, second, DateTimeKind.Utc);

    /// <summary>A wall-clock time with no zone (shifted), as a person enters it in a brand's zone.</summary>
    public static DateTime Wall(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year + ShiftYears, month, day, hour, minute, 0, DateTimeKind.Unspecified);

    /// <summary>A calendar day (shifted).</summary>
    public static DateOnly Day(int year, int month, int day) => new(year + ShiftYears, month, day);

    /// <summary>A year as the tests see it (shifted), for text that names it.</summary>
    public static int Year(int year) => year + ShiftYears;

    /// <summary>
    /// A year safely ahead of the machine's clock, for tests of the app on the real clock (a literal year there is a
    /// time bomb: it turns into the past one day).
    /// </summary>
    public static int FutureYear => DateTime.UtcNow.Year + 3;

    /// <summary>The day Europe's clocks go forward in <paramref name="year"/> (its 02:00–03:00 does not exist).</summary>
    public static DateOnly LastSundayOfMarch(int year)
    {
        var day = new DateOnly(year, 3, 31);
        return day.AddDays(-(int)day.DayOfWeek);
    }

    private static int ReadShift()
    {
        var text = Environment.GetEnvironmentVariable(ShiftVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var years) || years % 28 != 0)
        {
            throw new InvalidOperationException($"{ShiftVariable}='{text}' must be a whole multiple of 28 years (e.g. -28 or 56), so dates keep their weekdays.");
        }

        return years;
    }
}
