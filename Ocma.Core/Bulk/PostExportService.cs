using System.Globalization;
using Ocma.Core.Brands;
using Ocma.Core.Calendar;
using Ocma.Core.Posts;

namespace Ocma.Core.Bulk;

/// <summary>A brand's posts as a spreadsheet (one row per target) and as a calendar file.</summary>
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

    /// <summary>The brand's scheduled and published posts as an iCalendar document (see <see cref="PostCalendar"/>).</summary>
    /// <param name="baseUrl">Ocma's own address, for the links back to each post.</param>
    public async Task<string> CalendarAsync(int brandId, Uri baseUrl, CancellationToken cancellationToken)
    {
        var brand = await FindAsync(brandId, cancellationToken);
        var entries = (await posts.AllAsync(brand.Id, cancellationToken)).Select(t => new CalendarEntry(t, brand.Name, brand.TimeZoneId));
        return PostCalendar.Build($"{brand.Name} posts", entries, baseUrl, time.GetUtcNow().UtcDateTime, showBrand: false);
    }

    private async Task<Brand> FindAsync(int brandId, CancellationToken cancellationToken) =>
        await brands.FindAsync(brandId, cancellationToken) ?? throw new InvalidOperationException($"Brand {brandId} does not exist.");

    private static string Iso(DateTime? utc) =>
        utc is DateTime u ? DateTime.SpecifyKind(u, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "";

    private static string LocalIso(DateTime utc, string zoneId)
    {
        var zone = ZoneClock.FindZone(zoneId);
        var offset = zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        return new DateTimeOffset(ZoneClock.ToWallClock(utc, zoneId).Ticks, offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }
}
