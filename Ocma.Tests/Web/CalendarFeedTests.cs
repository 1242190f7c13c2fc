using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Ocma.Core.Audit;
using Ocma.Core.Brands;
using Ocma.Core.Calendar;
using Ocma.Core.Data;
using Ocma.Core.Identity;
using Ocma.Core.Posts;
using Ocma.Tests.Support;

namespace Ocma.Tests.Web;

/// <summary>
/// A person's secret calendar address, polled without a cookie as Google Calendar or Outlook do: issued once, stored only
/// as a hash, replaced by a new one, revoked, and silent for a locked person.
/// </summary>
public sealed class CalendarFeedTests : IAsyncLifetime
{
    private static readonly Uri Base = new("http://localhost/");
    private static readonly int Y = TestClock.FutureYear;
    private readonly OcmaAppFactory _app = new();
    private Actor _admin = null!;
    private Actor _viewer = null!;
    private Post _post = null!;

    private CalendarFeedService Feeds => _app.Get<CalendarFeedService>();

    public async Task InitializeAsync()
    {
        _admin = await TestUsers.CreateAdminAsync(_app);
        _viewer = await TestUsers.CreateAsync(_app, _admin, "viewer@example.com", Roles.Viewer);
        Assert.True((await _app.Get<BrandService>().UpdateAsync(1, "Berlin team", "Europe/Berlin", _admin, CancellationToken.None)).Succeeded);
        var channel = await SandboxChannels.ConnectAsync(_app, _admin);
        var due = new DateTime(Y, 5, 6, 9, 8, 0); // the app runs on the real clock: a year ahead of it
        _post = (await _app.Get<ComposeService>().SubmitAsync(new ComposeRequest(1, "feed-post for the calendar", [channel.Id], ComposeMode.Schedule, due), _admin, CancellationToken.None)).Value;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Issue_ThenPollWithoutSignIn_ServesTheBrandCalendarWithZoneAndLinkBack()
    {
        var address = (await Feeds.IssueAsync(_viewer, Base, CancellationToken.None)).Value;

        var response = await _app.CreateClient().GetAsync(address.PathAndQuery);

        Assert.StartsWith("http://localhost/calendar/feed/", address.ToString(), StringComparison.Ordinal);
        Assert.EndsWith(".ics", address.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.CacheControl!.Private);
        var ics = (await response.Content.ReadAsStringAsync()).Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains($"DTSTART;TZID=Europe/Berlin:{Y}0506T090800\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n", ics, StringComparison.Ordinal);
        Assert.Contains($"URL:http://localhost/posts/{_post.Id}\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("feed-post for the calendar", ics, StringComparison.Ordinal);
        Assert.NotNull((await Feeds.StatusAsync(_viewer, CancellationToken.None)).LastFetchedUtc);
    }

    [Fact]
    public async Task Issue_StoresOnlyAHash_TheSecretIsNowhereInTheDatabaseOrTheLogs()
    {
        var address = (await Feeds.IssueAsync(_viewer, Base, CancellationToken.None)).Value;
        var secret = Secret(address);
        await _app.CreateClient().GetAsync(address.PathAndQuery);

        await using (var db = await _app.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync())
        {
            var stored = await db.CalendarFeeds.SingleAsync();
            Assert.Equal(64, stored.TokenHash.Length);
            Assert.NotEqual(secret, stored.TokenHash);
        }

        var database = string.Concat(Directory.GetFiles(_app.DataDirectory, "ocma.db*").Select(f => Encoding.Latin1.GetString(ReadShared(f))));
        Assert.DoesNotContain(secret, database, StringComparison.Ordinal);
        await Eventually.MatchesAsync(() => Task.FromResult(_app.Logs.All), l => l.Contains("/calendar/feed/[redacted] responded 200", StringComparison.Ordinal), TimeSpan.FromSeconds(10), "the feed's request line");
        Assert.DoesNotContain(secret, _app.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssueAgain_OldAddressStopsAndNewOneWorks()
    {
        var first = (await Feeds.IssueAsync(_viewer, Base, CancellationToken.None)).Value;
        var second = (await Feeds.IssueAsync(_viewer, Base, CancellationToken.None)).Value;
        var client = _app.CreateClient();

        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(first.PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(second.PathAndQuery)).StatusCode);
        Assert.Equal(["calendar-feed.issued", "calendar-feed.replaced"], await AuditActionsAsync());
    }

    [Fact]
    public async Task Revoke_AddressStopsAnsweringWithNoDetail()
    {
        var address = (await Feeds.IssueAsync(_viewer, Base, CancellationToken.None)).Value;

        Assert.True(await Feeds.RevokeAsync(_viewer, CancellationToken.None));

        var response = await _app.CreateClient().GetAsync(address.PathAndQuery);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(Secret(address), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((await Feeds.StatusAsync(_viewer, CancellationToken.None)).Active);
        Assert.False(await Feeds.RevokeAsync(_viewer, CancellationToken.None));
        Assert.Equal(["calendar-feed.issued", "calendar-feed.revoked"], await AuditActionsAsync());
    }

    [Fact]
    public async Task LockedPerson_AddressStopsAnswering()
    {
        var address = (await Feeds.IssueAsync(_viewer, Base, CancellationToken.None)).Value;

        Assert.True((await _app.Get<UserService>().LockAsync(_viewer.UserId!, _admin, CancellationToken.None)).Succeeded);

        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateClient().GetAsync(address.PathAndQuery)).StatusCode);
    }

    [Theory]
    [InlineData("not-a-real-secret")]
    [InlineData("")]
    public async Task UnknownAddress_IsNotFound(string secret)
    {
        await Feeds.IssueAsync(_viewer, Base, CancellationToken.None);

        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateClient().GetAsync($"/calendar/feed/{secret}.ics")).StatusCode);
    }

    private static string Secret(Uri address) => address.AbsolutePath["/calendar/feed/".Length..^".ics".Length];

    private async Task<List<string>> AuditActionsAsync()
    {
        await using var db = await _app.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        return await db.AuditEvents.Where(e => e.Action.StartsWith("calendar-feed.")).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
