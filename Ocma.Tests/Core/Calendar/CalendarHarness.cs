using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Ocma.Core;
using Ocma.Core.Audit;
using Ocma.Core.Brands;
using Ocma.Core.Calendar;
using Ocma.Core.Data;
using Ocma.Core.Posts;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core.Calendar;

/// <summary>The app on a controllable clock, with a Berlin brand, an admin and one Sandbox channel (@team).</summary>
internal sealed class CalendarHarness : IAsyncDisposable
{
    private CalendarHarness(OcmaAppFactory app, FakeTimeProvider clock, Actor admin, int channelId)
    {
        App = app;
        Clock = clock;
        Admin = admin;
        ChannelId = channelId;
    }

    public OcmaAppFactory App { get; }

    public FakeTimeProvider Clock { get; }

    public Actor Admin { get; }

    public int ChannelId { get; }

    public static async Task<CalendarHarness> StartAsync(DateTimeOffset now)
    {
        var clock = new FakeTimeProvider(now);
        var app = new OcmaAppFactory(configureServices: s => s.AddSingleton<TimeProvider>(clock));
        var admin = await TestUsers.CreateAdminAsync(app);
        Assert.True((await app.Get<BrandService>().UpdateAsync(1, "Berlin team", "Europe/Berlin", admin, CancellationToken.None)).Succeeded);
        var channel = await SandboxChannels.ConnectAsync(app, admin);
        return new CalendarHarness(app, clock, admin, channel.Id);
    }

    public Task<Result<Post>> ComposeAsync(ComposeMode mode, DateTime? local = null, string text = "Calendar test post") =>
        App.Get<ComposeService>().SubmitAsync(new ComposeRequest(1, text, [ChannelId], mode, local), Admin, CancellationToken.None);

    /// <summary>Schedules a post at a Berlin wall-clock time and returns its target's id.</summary>
    public async Task<int> ScheduleAsync(DateTime local)
    {
        var post = await ComposeAsync(ComposeMode.Schedule, local);
        Assert.True(post.Succeeded, post.Error);
        return post.Value.Targets.Single().Id;
    }

    public async Task<PostingSlot> AddSlotAsync(SlotDays days, int hour, int minute)
    {
        var slot = await App.Get<PostingSlotService>().AddAsync(ChannelId, days, new TimeOnly(hour, minute), Admin, CancellationToken.None);
        Assert.True(slot.Succeeded, slot.Error);
        return slot.Value;
    }

    public async Task<PostTarget> TargetAsync(int targetId)
    {
        await using var db = await App.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        return await db.PostTargets.AsNoTracking().SingleAsync(t => t.Id == targetId);
    }

    public async Task SetStateAsync(int targetId, TargetState state)
    {
        await using var db = await App.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        await db.PostTargets.Where(t => t.Id == targetId).ExecuteUpdateAsync(s => s.SetProperty(t => t.State, state));
    }

    public async Task<IReadOnlyList<AuditEvent>> AuditAsync(string action) =>
        (await App.Get<AuditLog>().RecentAsync(100, CancellationToken.None)).Where(e => e.Action == action).ToList();

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
