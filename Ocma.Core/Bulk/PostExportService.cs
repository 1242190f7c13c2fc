using System.Globalization;
using Ocma.Core.Brands;
using Ocma.Core.Calendar;
using Ocma.Core.Posts;

namespace Ocma.Core.Bulk;

/// <summary>A brand's posts as a spreadsheet (one row per target) and as a calendar feed.</summary>
public sealed class PostExportService(BrandService brands, PostQueries posts, TimeProvider time)
{
    public static readonly string[] CsvHeader =
        ["post_id", "text", "channel", "state", "due_local", "due_utc", "published_utc", "platform_url", "last_error", "author"];

    public async Task<byte[]> PostsCsvAsync(int brandId, CancellationToken cancellationToken)
    {
        var brand = await FindAsync(brandId, cancellationToken);
        var csv = new CsvWriter().Row(CsvHeader);
        foreach (var t in await posts.AllAsync(brand.Id, cancellationToken))
        {
            csv.Row(
                t.PostId.ToString(CultureInfo.InvariantCulture),
                t.Text,
                t.ChannelLabel,
                t.State.ToString(),
                t.DueUtc is DateTime due ? LocalIso(due, brand.TimeZoneId) : "",
                Iso(t.DueUtc),
                Iso(t.PublishedUtc),
                t.PlatformUrl,
                t.LastError,
                t.AuthorName);
        }

        return csv.ToBytes();
    }

    /// <summary>One event per scheduled or published target, 30 minutes long, in UTC.</summary>
    public async Task<string> CalendarAsync(int brandId, CancellationToken cancellationToken)
    {
        var brand = await FindAsync(brandId, cancellationToken);
        var stamp = ICalendarWriter.FormatUtc(time.GetUtcNow().UtcDateTime);
        var ics = new ICalendarWriter()
            .Line("BEGIN", "VCALENDAR").Line("VERSION", "2.0").Line("PRODID", "-//Ocma//Posts//EN").Line("CALSCALE", "GREGORIAN")
            .Text("X-WR-CALNAME", $"{brand.Name} posts");
        foreach (var t in await posts.AllAsync(brand.Id, cancellationToken))
        {
            var start = t.State == TargetState.Published ? t.PublishedUtc ?? t.DueUtc : t.DueUtc;
            if (t.State is not (TargetState.Scheduled or TargetState.Published) || start is not DateTime startUtc)
            {
                continue;
            }

            ics.Line("BEGIN", "VEVENT")
                .Line("UID", $"{t.IdempotencyKey}@ocma")
                .Line("DTSTAMP", stamp)
                .Line("DTSTART", ICalendarWriter.FormatUtc(startUtc))
                .Line("DTEND", ICalendarWriter.FormatUtc(startUtc.AddMinutes(30)))
                .Text("SUMMARY", $"[{t.State}] {t.ChannelLabel}: {FirstChars(t.Text, 60)}")
                .Text("DESCRIPTION", t.Text);
            if (t.PlatformUrl is not null)
            {
                ics.Line("URL", t.PlatformUrl);
            }

            ics.Line("END", "VEVENT");
        }

        return ics.Line("END", "VCALENDAR").ToString();
    }

    private async Task<Brand> FindAsync(int brandId, CancellationToken cancellationToken) =>
        await brands.FindAsync(brandId, cancellationToken) ?? throw new InvalidOperationException($"Brand {brandId} does not exist.");

    private static string FirstChars(string text, int count)
    {
        var runes = text.ReplaceLineEndings(" ").EnumerateRunes().ToList();
        return runes.Count <= count ? string.Concat(runes) : string.Concat(runes.Take(count)) + "…";
    }

    private static string Iso(DateTime? utc) =>
        utc is DateTime u ? DateTime.SpecifyKind(u, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "";

    private static string LocalIso(DateTime utc, string zoneId)
    {
        var zone = ZoneClock.FindZone(zoneId);
        var offset = zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        return new DateTimeOffset(ZoneClock.ToWallClock(utc, zoneId).Ticks, offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }
}
