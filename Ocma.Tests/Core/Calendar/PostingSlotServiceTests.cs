using Ocma.Core.Calendar;
using Ocma.Core.Identity;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core.Calendar;

public sealed class PostingSlotServiceTests : IAsyncLifetime
{
    private CalendarHarness _h = default!;

    public async Task InitializeAsync() => _h = await CalendarHarness.StartAsync(TestClock.At(2027, 3, 19, 9, 0, 0));

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private PostingSlotService Service => _h.App.Get<PostingSlotService>();

    [Fact]
    public async Task Add_WithoutDays_IsRefused()
    {
        var added = await Service.AddAsync(_h.ChannelId, SlotDays.None, new TimeOnly(9, 0), _h.Admin, CancellationToken.None);

        Assert.Equal("Pick at least one day for the posting time.", added.Error);
        Assert.Empty(await Service.ListAsync(1, CancellationToken.None));
    }

    [Fact]
    public async Task Add_SameTimeTwice_IsRefusedNamingTheChannelAndTime()
    {
        await _h.AddSlotAsync(SlotDays.Weekdays, 9, 0);

        var again = await Service.AddAsync(_h.ChannelId, SlotDays.Weekend, new TimeOnly(9, 0), _h.Admin, CancellationToken.None);

        Assert.Contains("@team already posts at 09:00", again.Error, StringComparison.Ordinal);
        Assert.Equal(SlotDays.Weekdays, Assert.Single(await Service.ListAsync(1, CancellationToken.None)).Days);
    }

    [Theory]
    [InlineData(Roles.Contributor)]
    [InlineData(Roles.Viewer)]
    public async Task AddAndRemove_WithoutEditorRole_AreRefused(string role)
    {
        var slot = await _h.AddSlotAsync(SlotDays.Weekdays, 9, 0);
        var person = await TestUsers.CreateAsync(_h.App, _h.Admin, $"{role.ToLowerInvariant()}@example.com", role);

        var added = await Service.AddAsync(_h.ChannelId, SlotDays.Weekdays, new TimeOnly(12, 30), person, CancellationToken.None);
        var removed = await Service.RemoveAsync(slot.Id, person, CancellationToken.None);

        Assert.Contains("Only Editors and Admins", added.Error, StringComparison.Ordinal);
        Assert.Contains("Only Editors and Admins", removed.Error, StringComparison.Ordinal);
        Assert.Single(await Service.ListAsync(1, CancellationToken.None));
    }

    [Fact]
    public async Task AddAndRemove_AreAudited()
    {
        var slot = await _h.AddSlotAsync(SlotDays.Monday | SlotDays.Wednesday, 12, 30);
        Assert.True((await Service.RemoveAsync(slot.Id, _h.Admin, CancellationToken.None)).Succeeded);

        Assert.Equal("@team: Mon, Wed 12:30", Assert.Single(await _h.AuditAsync("channel.posting-time-added")).Details);
        Assert.Single(await _h.AuditAsync("channel.posting-time-removed"));
        Assert.Empty(await Service.ListAsync(1, CancellationToken.None));
    }
}
