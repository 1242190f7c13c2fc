using Ocma.Core.Posts;
using Ocma.Tests.Core.Publishing;
using Ocma.Web.Features.Calendar;

namespace Ocma.Tests.Core.Posts;

/// <summary>A post's campaign label: stored tidied, refused when too long, changed by an edit, offered back and filtered by.</summary>
public sealed class PostCampaignTests : IAsyncLifetime
{
    private PublishingHarness _harness = default!;

    public async Task InitializeAsync() => _harness = await PublishingHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Submit_WithCampaign_StoresItTidiedAndListsItOnceForTheBrand()
    {
        var first = await DraftAsync("First of the series", "  Spring   sale ");
        var second = await DraftAsync("Second of the series", "Spring sale");
        await DraftAsync("Unrelated", null);

        Assert.True(first.Succeeded, first.Error);
        Assert.True(second.Succeeded, second.Error);
        Assert.Equal("Spring sale", first.Value.Campaign);
        Assert.Equal(["Spring sale"], await _harness.App.Get<PostQueries>().CampaignsAsync(1, CancellationToken.None));
    }

    [Fact]
    public async Task Submit_CampaignLongerThanTheLimit_IsRefusedSayingHowLong()
    {
        var post = await DraftAsync("Too long a label", new string('c', ComposeService.MaxCampaignLength + 1));

        Assert.Equal($"The campaign name is too long (61 characters; at most 60). Use a short label such as \"Spring sale\".", post.Error);
    }

    [Fact]
    public async Task Edit_ChangesTheCampaign_AndTheCalendarFilterFollowsIt()
    {
        var draft = await DraftAsync("Moves campaigns", "Spring sale");
        var edits = _harness.App.Get<PostEditService>();
        var loaded = await edits.LoadAsync(draft.Value.Id, 1, CancellationToken.None);
        Assert.Equal("Spring sale", loaded!.Campaign);

        var request = new ComposeRequest(1, "Moves campaigns", [_harness.Channel.Id], ComposeMode.SaveDraft, null, Campaign: "Summer launch");
        var saved = await edits.SaveAsync(draft.Value.Id, loaded.Version, request, _harness.Admin, CancellationToken.None);

        Assert.True(saved.Succeeded, saved.Error);
        var row = Assert.Single(await _harness.App.Get<PostQueries>().AllAsync(1, CancellationToken.None));
        Assert.Equal("Summer launch", row.Campaign);
        Assert.True(CalendarFilter.Parse(null, null, "summer LAUNCH").Matches(row));
        Assert.False(CalendarFilter.Parse(null, null, "Spring sale").Matches(row));
    }

    private Task<Ocma.Core.Result<Post>> DraftAsync(string text, string? campaign) =>
        _harness.App.Get<ComposeService>().SubmitAsync(
            new ComposeRequest(1, text, [_harness.Channel.Id], ComposeMode.SaveDraft, null, Campaign: campaign), _harness.Admin, CancellationToken.None);
}
