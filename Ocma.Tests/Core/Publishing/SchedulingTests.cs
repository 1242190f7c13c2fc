using Microsoft.Data.Sqlite;
using Ocma.Core.Brands;
using Ocma.Core.Calendar;
using Ocma.Core.Posts;
using Ocma.Core.Publishing;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core.Publishing;

public sealed class SchedulingTests
{
    [Fact]
    public async Task Schedule_StoresTheDispatchTriggerInTheDatabase_AndPublishesAfterARestart()
    {
        var dataDirectory = OcmaAppFactory.NewDataDirectory();
        int postId;
        DateTime dueUtc;
        await using (var before = new OcmaAppFactory(dataDirectory))
        {
            var admin = await TestUsers.CreateAdminAsync(before);
            var channel = await SandboxChannels.ConnectAsync(before, admin);
            var zone = (await before.Get<BrandService>().GetCurrentAsync(null, CancellationToken.None)).TimeZoneId;
            dueUtc = DateTime.UtcNow.AddSeconds(6);
            var local = ZoneClock.ToWallClock(dueUtc, zone);
            var post = await before.Get<ComposeService>().SubmitAsync(
                new ComposeRequest(1, "Survives a restart", [channel.Id], ComposeMode.Schedule, local), admin, CancellationToken.None);
            Assert.True(post.Succeeded, post.Error);
            postId = post.Value.Id;

            var stored = await StoredTriggerFireTimeAsync(dataDirectory);
            Assert.NotNull(stored);
            Assert.InRange(stored!.Value, dueUtc.AddSeconds(-1), dueUtc.AddSeconds(1));
        }

        // The first host is gone before the due time; a new one on the same database publishes on time.
        Assert.True(DateTime.UtcNow < dueUtc, "the restart must happen before the post is due");
        await using var after = new OcmaAppFactory(dataDirectory);
        after.Get<PostQueries>(); // starts the host
        var published = await Eventually.MatchesAsync(
            () => after.Get<PostQueries>().RecentAsync(1, 10, CancellationToken.None),
            rows => rows.Any(r => r.PostId == postId && r.State == TargetState.Published),
            TimeSpan.FromSeconds(30), "the scheduled post to publish after the restart");
        var row = published.Single(r => r.PostId == postId);
        Assert.True(row.PublishedUtc >= dueUtc.AddMilliseconds(-50), $"published at {row.PublishedUtc:O}, before its due time {dueUtc:O}");
    }

    [Fact]
    public async Task Schedule_InThePast_IsRefusedAndStoresNothing()
    {
        await using var harness = await PublishingHarness.StartAsync();

        var result = await harness.ComposeAsync("Too late", ComposeMode.Schedule, DateTime.UtcNow.AddMinutes(-5));

        Assert.False(result.Succeeded);
        Assert.Contains("in the past", result.Error, StringComparison.Ordinal);
        Assert.Empty(await harness.App.Get<PostQueries>().RecentAsync(1, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Schedule_WithoutATime_SaysToPickOne()
    {
        await using var harness = await PublishingHarness.StartAsync();

        var result = await harness.ComposeAsync("When?", ComposeMode.Schedule, null);

        Assert.Equal("Pick a date and time to schedule the post.", result.Error);
    }

    [Fact]
    public async Task Schedule_FarAhead_ArmsTheDispatcherForThatTime()
    {
        await using var harness = await PublishingHarness.StartAsync();
        var due = DateTime.UtcNow.AddDays(3);

        var result = await harness.ComposeAsync("Later this week", ComposeMode.Schedule, due);

        Assert.True(result.Succeeded, result.Error);
        var next = await harness.App.Get<DispatchTrigger>().NextFireAsync(CancellationToken.None);
        Assert.NotNull(next);
        Assert.InRange(next!.Value.UtcDateTime, due.AddSeconds(-1), due.AddSeconds(1));
    }

    [Fact]
    public async Task PostSavedWhileTheDispatcherReadTheTables_KeepsItsWakeUp()
    {
        await using var harness = await PublishingHarness.StartAsync();
        var trigger = harness.App.Get<DispatchTrigger>();
        var due = DateTime.UtcNow.AddDays(2);

        // The dispatcher read the tables (nothing due), then a post was saved and armed the trigger, then the dispatcher reset it.
        var armsSeen = trigger.ArmsSoFar;
        var saved = await harness.ComposeAsync("Saved mid-run", ComposeMode.Schedule, due);
        await trigger.ResetAsync(null, armsSeen, CancellationToken.None);

        Assert.True(saved.Succeeded, saved.Error);
        var next = await trigger.NextFireAsync(CancellationToken.None);
        Assert.NotNull(next);
        Assert.InRange(next!.Value.UtcDateTime, due.AddSeconds(-1), due.AddSeconds(1));
    }

    private static async Task<DateTime?> StoredTriggerFireTimeAsync(string dataDirectory)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "ocma.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT NEXT_FIRE_TIME FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = 'publish-dispatch'";
        return await command.ExecuteScalarAsync() is long ticks ? new DateTime(ticks, DateTimeKind.Utc) : null;
    }
}
