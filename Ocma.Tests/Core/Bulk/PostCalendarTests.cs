using System.Text;
using Ical.Net.CalendarComponents;
using Ocma.Core.Bulk;
using Ocma.Core.Posts;

namespace Ocma.Tests.Core.Bulk;

/// <summary>What a calendar app shows for Ocma's posts: the brand's wall-clock time (with its VTIMEZONE), a title, a link back.</summary>
public sealed class PostCalendarTests
{
    private static readonly Uri Base = new("https://ocma.example.com/");
    private static readonly DateTime Now = TestClock.Utc(2026, 12, 4, 10, 0);

    [Fact]
    public void Build_ScheduledBerlinPost_IsAnEventAtBerlinTimeWithItsZoneAndALinkBack()
    {
        var ics = Build(Entry(7, "Spring; launch, day\nsecond line", TargetState.Scheduled, Utc(2031, 5, 6, 7, 8)));

        var unfolded = Unfold(ics);
        Assert.Contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains("TZOFFSETTO:+0200", unfolded, StringComparison.Ordinal);
        Assert.Contains($"DTSTART;TZID=Europe/Berlin:{D(2031, 5, 6)}T090800\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains($"DTEND;TZID=Europe/Berlin:{D(2031, 5, 6)}T093800\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains("URL:https://ocma.example.com/posts/7\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains("UID:key-7@ocma\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:[Scheduled] @team · sandbox: Spring\\; launch\\, day second line\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains("DESCRIPTION:Spring\\; launch\\, day\\nsecond line\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains("X-WR-CALNAME:Berlin team posts\r\n", unfolded, StringComparison.Ordinal);
        Assert.Equal(Utc(2031, 5, 6, 7, 8), ReadBack(ics).Single().Start!.AsUtc);
    }

    [Fact]
    public void Build_PublishedPost_AtItsPublicationTimeWithThePlatformLinkInTheDescription()
    {
        var published = Entry(8, "Out now", TargetState.Published, Utc(2031, 1, 10, 8, 0)) with { };
        published = published with { Target = published.Target with { PublishedUtc = Utc(2031, 1, 10, 8, 3), PlatformUrl = "https://social.example/p/1" } };

        var ics = Build(published);

        var unfolded = Unfold(ics);
        Assert.Contains($"DTSTART;TZID=Europe/Berlin:{D(2031, 1, 10)}T090300\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains("DESCRIPTION:Out now\\n\\nOn sandbox: https://social.example/p/1\r\n", unfolded, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_DraftsFailuresAndCancelled_AreNotOnTheCalendar()
    {
        var ics = Build(
            Entry(1, "a draft", TargetState.Draft, Utc(2031, 1, 1, 9, 0)),
            Entry(2, "failed one", TargetState.Failed, Utc(2031, 1, 1, 9, 0)),
            Entry(3, "cancelled one", TargetState.Canceled, Utc(2031, 1, 1, 9, 0)));

        Assert.Empty(ReadBack(ics));
    }

    [Fact]
    public void Build_TheRepeatedHourOfAFallBack_SecondPassIsWrittenInUtc()
    {
        // Berlin, 26 Oct 2031: 02:30 happens twice, at 00:30Z (CEST) and at 01:30Z (CET).
        var ics = Build(
            Entry(1, "first 02:30", TargetState.Scheduled, Utc(2031, 10, 26, 0, 30)),
            Entry(2, "second 02:30", TargetState.Scheduled, Utc(2031, 10, 26, 1, 30)));

        var unfolded = Unfold(ics);
        Assert.Contains($"DTSTART;TZID=Europe/Berlin:{D(2031, 10, 26)}T023000\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains($"DTSTART:{D(2031, 10, 26)}T013000Z\r\n", unfolded, StringComparison.Ordinal);
        Assert.Equal([Utc(2031, 10, 26, 0, 30), Utc(2031, 10, 26, 1, 30)], ReadBack(ics).Select(e => e.Start!.AsUtc).Order());
    }

    [Fact]
    public void Build_EmojiHeavyLongPost_EveryLineAtMost75OctetsAndNoCharacterBroken()
    {
        var text = "Launch day 🚀🎉 " + string.Concat(Enumerable.Repeat("😀é€ ", 60));

        var ics = Build(Entry(1, text, TargetState.Scheduled, Utc(2031, 5, 6, 7, 8)));

        var written = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(ics));
        Assert.DoesNotContain('\uFFFD', written);
        Assert.All(written[..^2].Split("\r\n"), l => Assert.InRange(Encoding.UTF8.GetByteCount(l), 1, 75));
        Assert.Equal(text, ReadBack(ics).Single().Description);
    }

    [Fact]
    public void Build_TwoBrandsInTwoZones_EachEventInItsOwnZoneWithTheBrandInTheTitle()
    {
        var berlin = Entry(1, "Guten Morgen", TargetState.Scheduled, Utc(2031, 5, 6, 7, 0));
        var newYork = new CalendarEntry(Target(2, "Good morning", TargetState.Scheduled, Utc(2031, 5, 6, 13, 0)), "New York team", "America/New_York");

        var ics = PostCalendar.Build("Ocma posts", [berlin, newYork], Base, Now, showBrand: true);

        var unfolded = Unfold(ics);
        Assert.Contains("TZID:America/New_York\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains($"DTSTART;TZID=America/New_York:{D(2031, 5, 6)}T090000\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:New York team · [Scheduled] @team · sandbox: Good morning\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Berlin team · [Scheduled] @team · sandbox: Guten Morgen\r\n", unfolded, StringComparison.Ordinal);
    }

    private static string Build(params CalendarEntry[] entries) => PostCalendar.Build("Berlin team posts", entries, Base, Now, showBrand: false);

    private static CalendarEntry Entry(int postId, string text, TargetState state, DateTime dueUtc) =>
        new(Target(postId, text, state, dueUtc), "Berlin team", "Europe/Berlin");

    private static TargetView Target(int postId, string text, TargetState state, DateTime dueUtc) =>
        new(postId, postId, text, 1, "@team · sandbox", "sandbox", state, dueUtc, null, null, null, null, 0, "Ana", $"key-{postId}");

    private static DateTime Utc(int year, int month, int day, int hour, int minute) => TestClock.Utc(year, month, day, hour, minute);

    /// <summary>An iCalendar date-time's date part for a (shifted) test year, e.g. "20310506".</summary>
    private static string D(int year, int month, int day) => $"{TestClock.Year(year)}{month:00}{day:00}";

    private static string Unfold(string ics) => ics.Replace("\r\n ", "", StringComparison.Ordinal);

    private static List<CalendarEvent> ReadBack(string ics) => [.. Ical.Net.Calendar.Load(ics)!.Events];
}
