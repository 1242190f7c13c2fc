using Ocma.Core.Audit;
using Ocma.Core.Calendar;
using Ocma.Core.Identity;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core;

public sealed class AuditQueryTests : IAsyncLifetime
{
    private readonly OcmaAppFactory _app = new();
    private Actor _admin = default!;

    private AuditQuery Audit => _app.Get<AuditQuery>();

    public async Task InitializeAsync()
    {
        _admin = await TestUsers.CreateAdminAsync(_app);
        var log = _app.Get<AuditLog>();
        var ana = new Actor("ana-id", "ana@example.com", new HashSet<string> { Roles.Editor });
        var ben = new Actor("ben-id", "ben@example.com", new HashSet<string> { Roles.Editor });
        for (var i = 0; i < 30; i++)
        {
            await log.WriteAsync(ana, "post.scheduled", $"post {i}", null, CancellationToken.None);
            if (i % 6 == 0)
            {
                await log.WriteAsync(ben, i % 12 == 0 ? "post.scheduled" : "channel.connected", $"ben {i}", null, CancellationToken.None);
            }
        }
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SearchAsync_ByActorAndAction_ReturnsOnlyMatchesNewestFirst()
    {
        var byAna = (await Audit.SearchAsync(new AuditFilter(Actor: "ana@example.com"), 0, 100, _admin, CancellationToken.None)).Value;
        var benScheduling = (await Audit.SearchAsync(new AuditFilter("ben@example.com", "post.scheduled"), 0, 100, _admin, CancellationToken.None)).Value;
        var everything = (await Audit.SearchAsync(new AuditFilter(), 0, 100, _admin, CancellationToken.None)).Value;

        Assert.Equal(30, byAna.Total);
        Assert.All(byAna.Events, e => Assert.Equal("ana@example.com", e.Actor));
        Assert.Equal("post 29", byAna.Events[0].Subject);
        Assert.Equal(byAna.Events.Select(e => e.Id).OrderDescending(), byAna.Events.Select(e => e.Id));
        Assert.Equal(["ben 24", "ben 12", "ben 0"], benScheduling.Events.Select(e => e.Subject));
        Assert.Equal(36, everything.Total); // 30 + 5 + setup.completed
    }

    [Fact]
    public async Task SearchAsync_PageByPage_CoversEveryMatchOnceWithTheTotal()
    {
        var filter = new AuditFilter(Actor: "ana@example.com");
        var pages = new List<AuditPage>();
        for (var skip = 0; skip < 30; skip += 8)
        {
            pages.Add((await Audit.SearchAsync(filter, skip, 8, _admin, CancellationToken.None)).Value);
        }

        Assert.Equal([8, 8, 8, 6], pages.Select(p => p.Events.Count));
        Assert.All(pages, p => Assert.Equal(30, p.Total));
        var subjects = pages.SelectMany(p => p.Events).Select(e => e.Subject).ToList();
        Assert.Equal(Enumerable.Range(0, 30).Reverse().Select(i => $"post {i}"), subjects);
    }

    [Fact]
    public async Task SearchAsync_DaysInTheBrandsZone_IncludeTodayThereAndExcludeYesterday()
    {
        const string zone = "Pacific/Kiritimati"; // UTC+14: its "today" is often not UTC's
        var today = DateOnly.FromDateTime(ZoneClock.ToWallClock(DateTime.UtcNow, zone));

        var todayThere = (await Audit.SearchAsync(AuditFilter.ForDays("ana@example.com", null, today, today, zone), 0, 100, _admin, CancellationToken.None)).Value;
        var yesterdayThere = (await Audit.SearchAsync(AuditFilter.ForDays("ana@example.com", null, today.AddDays(-1), today.AddDays(-1), zone), 0, 100, _admin, CancellationToken.None)).Value;
        var onlyFromTomorrow = (await Audit.SearchAsync(AuditFilter.ForDays(null, null, today.AddDays(1), null, zone), 0, 100, _admin, CancellationToken.None)).Value;

        Assert.Equal(30, todayThere.Total);
        Assert.Equal(0, yesterdayThere.Total);
        Assert.Equal(0, onlyFromTomorrow.Total);
    }

    [Fact]
    public void ForDays_InAZoneAheadOfUtc_StartsAtLocalMidnight()
    {
        var filter = AuditFilter.ForDays(null, null, new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 10), "Asia/Tokyo");

        Assert.Equal(new DateTime(2026, 3, 9, 15, 0, 0, DateTimeKind.Utc), filter.FromUtc);
        Assert.Equal(new DateTime(2026, 3, 10, 15, 0, 0, DateTimeKind.Utc), filter.ToUtc);
    }

    [Fact]
    public async Task SearchAsync_RangeEndingBeforeItStarts_SaysToSwapTheDates()
    {
        var result = await Audit.SearchAsync(AuditFilter.ForDays(null, null, new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 1), "Etc/UTC"), 0, 10, _admin, CancellationToken.None);

        Assert.Contains("Swap the dates", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAndChoices_ByEditor_AreRefused()
    {
        var editor = new Actor("ana-id", "ana@example.com", new HashSet<string> { Roles.Editor });

        Assert.False((await Audit.SearchAsync(new AuditFilter(), 0, 10, editor, CancellationToken.None)).Succeeded);
        Assert.False((await Audit.ChoicesAsync(editor, CancellationToken.None)).Succeeded);
    }

    [Fact]
    public async Task ChoicesAsync_ListsEachActorAndActionOnce()
    {
        var choices = (await Audit.ChoicesAsync(_admin, CancellationToken.None)).Value;

        Assert.Equal([TestUsers.AdminEmail, "ana@example.com", "ben@example.com"], choices.Actors);
        Assert.Equal(["channel.connected", "post.scheduled", "setup.completed"], choices.Actions);
    }
}
