using Microsoft.EntityFrameworkCore;
using Ocma.Core;
using Ocma.Core.Audit;
using Ocma.Core.Brands;
using Ocma.Core.Channels;
using Ocma.Core.Data;
using Ocma.Core.Posts;
using Ocma.Tests.Core.Publishing;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core.Posts;

public sealed class PostEditServiceTests : IAsyncLifetime
{
    private PublishingHarness _harness = default!;
    private ChannelSummary _second = default!;
    private int _brandId;

    public async Task InitializeAsync()
    {
        _harness = await PublishingHarness.StartAsync();
        _second = await SandboxChannels.ConnectAsync(_harness.App, _harness.Admin, "@second");
        _brandId = (await _harness.App.Get<BrandService>().GetCurrentAsync(null, CancellationToken.None)).Id;
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private PostEditService Edits => _harness.App.Get<PostEditService>();

    private static DateTime NextWeek => DateTime.UtcNow.Date.AddDays(7).AddHours(9);

    [Fact]
    public async Task Save_ScheduledPost_ChangesTextVariantDueTimeAndNotesInPlace()
    {
        var post = await ScheduleAsync("First words", NextWeek, _harness.Channel.Id, _second.Id);
        var opened = (await Edits.LoadAsync(post.Id, _brandId, CancellationToken.None))!;

        var later = NextWeek.AddDays(1);
        var saved = await Edits.SaveAsync(post.Id, opened.Version, Request("Better words", later, [_harness.Channel.Id, _second.Id],
            new Dictionary<int, string> { [_second.Id] = "Words for @second" }, notes: "Checked with **legal**"), _harness.Admin, CancellationToken.None);

        Assert.True(saved.Succeeded, saved.Error);
        var reopened = (await Edits.LoadAsync(post.Id, _brandId, CancellationToken.None))!;
        Assert.Equal("Better words", reopened.Text);
        Assert.Equal("Checked with **legal**", reopened.Notes);
        Assert.Equal(["Better words", "Words for @second"], reopened.Targets.Select(t => t.Text));
        Assert.All(reopened.Targets, t => Assert.Equal((TargetState.Scheduled, later), (t.State, t.DueUtc)));
        Assert.Equal(post.Targets.Select(t => t.Id).Order(), reopened.Targets.Select(t => t.TargetId).Order());
        Assert.Contains((await _harness.App.Get<AuditLog>().RecentAsync(10, CancellationToken.None)), e => e.Action == "post.edited" && e.Subject == $"post {post.Id}");
    }

    [Fact]
    public async Task Save_AfterSomeoneElseSaved_SaysSoAndKeepsTheirVersion()
    {
        var post = await ScheduleAsync("Original", NextWeek, _harness.Channel.Id);
        var opened = (await Edits.LoadAsync(post.Id, _brandId, CancellationToken.None))!;
        var first = await Edits.SaveAsync(post.Id, opened.Version, Request("Their change", NextWeek, [_harness.Channel.Id]), _harness.Admin, CancellationToken.None);
        Assert.True(first.Succeeded, first.Error);

        var second = await Edits.SaveAsync(post.Id, opened.Version, Request("My change", NextWeek, [_harness.Channel.Id]), _harness.Admin, CancellationToken.None);

        Assert.StartsWith("Someone else saved this post at ", second.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was saved", second.Error, StringComparison.Ordinal);
        Assert.Equal("Their change", (await Edits.LoadAsync(post.Id, _brandId, CancellationToken.None))!.Text);
    }

    [Fact]
    public async Task Save_RemovingAnUnsentChannelAndAddingAnother_SwapsTheTargets()
    {
        var post = await ScheduleAsync("Swap channels", NextWeek, _harness.Channel.Id);
        var opened = (await Edits.LoadAsync(post.Id, _brandId, CancellationToken.None))!;

        var saved = await Edits.SaveAsync(post.Id, opened.Version, Request("Swap channels", NextWeek, [_second.Id]), _harness.Admin, CancellationToken.None);

        Assert.True(saved.Succeeded, saved.Error);
        var target = Assert.Single((await Edits.LoadAsync(post.Id, _brandId, CancellationToken.None))!.Targets);
        Assert.Equal((_second.Id, TargetState.Scheduled), (target.ChannelId, target.State));
    }

    [Fact]
    public async Task Save_AfterOneChannelPublished_OnlyTheUnsentChangeAndTheSentOneKeepsItsWords()
    {
        var published = await _harness.ComposeAsync("Already out there");
        await _harness.WaitForTargetAsync(published.Value.Id, s => s == TargetState.Published);
        var opened = (await Edits.LoadAsync(published.Value.Id, _brandId, CancellationToken.None))!;

        var saved = await Edits.SaveAsync(published.Value.Id, opened.Version, Request("Follow-up words", NextWeek, [_harness.Channel.Id, _second.Id]), _harness.Admin, CancellationToken.None);

        Assert.True(saved.Succeeded, saved.Error);
        var targets = (await Edits.LoadAsync(published.Value.Id, _brandId, CancellationToken.None))!.Targets;
        Assert.Equal((TargetState.Published, "Already out there"), (targets[0].State, targets[0].Text));
        Assert.Equal((TargetState.Scheduled, "Follow-up words", NextWeek), (targets[1].State, targets[1].Text, targets[1].DueUtc));
    }

    [Fact]
    public async Task Save_RemovingAPublishedChannel_IsRefusedNamingTheChannelAndItsState()
    {
        var published = await _harness.ComposeAsync("Cannot take this back");
        await _harness.WaitForTargetAsync(published.Value.Id, s => s == TargetState.Published);
        var opened = (await Edits.LoadAsync(published.Value.Id, _brandId, CancellationToken.None))!;

        var saved = await Edits.SaveAsync(published.Value.Id, opened.Version, Request("Cannot take this back", NextWeek, [_second.Id]), _harness.Admin, CancellationToken.None);

        Assert.StartsWith("@team · sandbox is already published: it has already gone to the platform", saved.Error, StringComparison.Ordinal);
        Assert.Single((await Edits.LoadAsync(published.Value.Id, _brandId, CancellationToken.None))!.Targets);
    }

    [Fact]
    public async Task Save_NewTextForAPublishedChannel_IsRefused()
    {
        var published = await _harness.ComposeAsync("Sent words");
        await _harness.WaitForTargetAsync(published.Value.Id, s => s == TargetState.Published);
        var opened = (await Edits.LoadAsync(published.Value.Id, _brandId, CancellationToken.None))!;

        var saved = await Edits.SaveAsync(published.Value.Id, opened.Version,
            Request("Sent words", NextWeek, [_harness.Channel.Id], new Dictionary<int, string> { [_harness.Channel.Id] = "Rewritten" }), _harness.Admin, CancellationToken.None);

        Assert.Contains("its text can no longer change", saved.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_EmptyVariant_IsRefusedLikeANewPost()
    {
        var post = await ScheduleAsync("Some words", NextWeek, _harness.Channel.Id);
        var opened = (await Edits.LoadAsync(post.Id, _brandId, CancellationToken.None))!;

        var saved = await Edits.SaveAsync(post.Id, opened.Version,
            Request("Some words", NextWeek, [_harness.Channel.Id], new Dictionary<int, string> { [_harness.Channel.Id] = "" }), _harness.Admin, CancellationToken.None);

        Assert.StartsWith("The text for @team is empty.", saved.Error, StringComparison.Ordinal);
        Assert.Null((await Edits.LoadAsync(post.Id, _brandId, CancellationToken.None))!.Targets[0].VariantText);
    }

    [Fact]
    public async Task Save_DraftThenPublishNow_PublishesThatSamePostWithItsVariant()
    {
        var draft = await _harness.App.Get<ComposeService>().SubmitAsync(
            new ComposeRequest(_brandId, "Draft words", [_harness.Channel.Id], ComposeMode.SaveDraft, null, new Dictionary<int, string> { [_harness.Channel.Id] = "Channel words" }),
            _harness.Admin, CancellationToken.None);

        var saved = await Edits.SaveAsync(draft.Value.Id, draft.Value.UpdatedUtc,
            new ComposeRequest(_brandId, "Draft words", [_harness.Channel.Id], ComposeMode.PublishNow, null, new Dictionary<int, string> { [_harness.Channel.Id] = "Channel words" }),
            _harness.Admin, CancellationToken.None);

        Assert.True(saved.Succeeded, saved.Error);
        await _harness.WaitForTargetAsync(draft.Value.Id, s => s == TargetState.Published);
        Assert.Equal(1, await _harness.FeedCountAsync("Channel words"));
        await using var db = await _harness.App.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.Posts.CountAsync());
    }

    [Fact]
    public async Task Save_PostThatStartedPublishingAfterItWasOpened_IsRefusedAndKeepsItsText()
    {
        var post = await ScheduleAsync("Going out now", NextWeek, _harness.Channel.Id);
        var opened = (await Edits.LoadAsync(post.Id, _brandId, CancellationToken.None))!;
        await using (var db = await _harness.App.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync())
        {
            await db.PostTargets.Where(t => t.PostId == post.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.State, TargetState.Publishing));
        }

        var saved = await Edits.SaveAsync(post.Id, opened.Version, Request("Too late", NextWeek, [_harness.Channel.Id]), _harness.Admin, CancellationToken.None);

        Assert.StartsWith("Every channel of this post has already gone to the platform", saved.Error, StringComparison.Ordinal);
        Assert.Equal("Going out now", (await Edits.LoadAsync(post.Id, _brandId, CancellationToken.None))!.Text);
    }

    [Fact]
    public async Task Save_RaisesALiveEventForEachChangedChannel()
    {
        var post = await ScheduleAsync("Live words", NextWeek, _harness.Channel.Id);
        var seen = new List<Ocma.Core.Live.TargetStateChanged>();
        using var subscription = _harness.App.Get<Ocma.Core.Live.LiveStatus>().Subscribe(e =>
        {
            if (e is Ocma.Core.Live.TargetStateChanged change && change.PostId == post.Id)
            {
                lock (seen)
                {
                    seen.Add(change);
                }
            }

            return Task.CompletedTask;
        });

        var saved = await Edits.SaveAsync(post.Id, post.UpdatedUtc, Request("Live words", NextWeek, [_second.Id]) with { Mode = ComposeMode.SaveDraft }, _harness.Admin, CancellationToken.None);

        Assert.True(saved.Succeeded, saved.Error);
        lock (seen)
        {
            Assert.Equal([(_harness.Channel.Id, TargetState.Canceled), (_second.Id, TargetState.Draft)], seen.Select(e => (e.ChannelId, e.State)).Order());
        }
    }

    [Fact]
    public async Task Drafts_ListsOnlyPostsWhoseEveryChannelIsADraft()
    {
        var draft = await _harness.App.Get<ComposeService>().SubmitAsync(
            new ComposeRequest(_brandId, "Still a draft", [_harness.Channel.Id, _second.Id], ComposeMode.SaveDraft, null), _harness.Admin, CancellationToken.None);
        await ScheduleAsync("Scheduled already", NextWeek, _harness.Channel.Id);

        var drafts = await _harness.App.Get<PostQueries>().DraftsAsync(_brandId, 10, CancellationToken.None);

        var only = Assert.Single(drafts);
        Assert.Equal((draft.Value.Id, "Still a draft", 2), (only.PostId, only.Text, only.ChannelCount));
    }

    [Fact]
    public async Task Save_ByViewer_IsRefused()
    {
        var post = await ScheduleAsync("Viewers look only", NextWeek, _harness.Channel.Id);
        var viewer = new Actor("v1", "viewer@example.com", new HashSet<string> { Ocma.Core.Identity.Roles.Viewer });

        var saved = await Edits.SaveAsync(post.Id, post.UpdatedUtc, Request("Sneaky", NextWeek, [_harness.Channel.Id]), viewer, CancellationToken.None);

        Assert.False(saved.Succeeded);
        Assert.Equal("Viewers look only", (await Edits.LoadAsync(post.Id, _brandId, CancellationToken.None))!.Text);
    }

    private async Task<Post> ScheduleAsync(string text, DateTime dueUtc, params int[] channelIds)
    {
        var result = await _harness.App.Get<ComposeService>().SubmitAsync(Request(text, dueUtc, channelIds), _harness.Admin, CancellationToken.None);
        Assert.True(result.Succeeded, result.Error);
        return result.Value;
    }

    /// <summary>The brand's zone is UTC, so the local due time is the UTC one.</summary>
    private ComposeRequest Request(string text, DateTime dueUtc, IReadOnlyList<int> channelIds, IReadOnlyDictionary<int, string>? variants = null, string? notes = null) =>
        new(_brandId, text, channelIds, ComposeMode.Schedule, dueUtc, variants, notes);
}
