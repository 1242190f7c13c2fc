using Ocma.Core.Posts;
using Ocma.Tests.Core.Publishing;

namespace Ocma.Tests.Core;

public sealed class ComposeValidationTests : IAsyncLifetime
{
    private PublishingHarness _harness = default!;

    public async Task InitializeAsync() => _harness = await PublishingHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Theory]
    [InlineData("", "Write some text: the post is empty.")]
    [InlineData("   ", "Write some text: the post is empty.")]
    public async Task Submit_EmptyText_SaysWhatToFix(string text, string message)
    {
        var result = await _harness.ComposeAsync(text);

        Assert.Equal(message, result.Error);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Submit_OverTheChannelLimit_NamesTheChannelAndHowMuchToCut()
    {
        var result = await _harness.ComposeAsync(new string('a', 512));

        Assert.Contains("Shorten the text by 12 characters: Sandbox allows 500.", result.Error, StringComparison.Ordinal);
        Assert.Contains("@team", result.Error, StringComparison.Ordinal);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Submit_OverTheChannelLimit_CanStillBeSavedAsDraft()
    {
        var result = await _harness.ComposeAsync(new string('a', 512), ComposeMode.SaveDraft);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(TargetState.Draft, Assert.Single(result.Value.Targets).State);
    }

    [Fact]
    public async Task Submit_UnknownChannel_IsRefused()
    {
        var result = await _harness.ComposeAsync("Where does this go?", channelIds: [_harness.Channel.Id, 999]);

        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Submit_NoChannel_AsksToPickOne()
    {
        var result = await _harness.ComposeAsync("Nowhere", channelIds: []);

        Assert.Equal("Pick at least one channel to post to.", result.Error);
    }

    [Fact]
    public async Task Submit_TextTooLargeToStore_IsRefused()
    {
        var result = await _harness.ComposeAsync(new string('b', ComposeService.MaxTextLength + 1), ComposeMode.SaveDraft);

        Assert.Contains("too long to store", result.Error, StringComparison.Ordinal);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Submit_ByViewer_IsRefused()
    {
        var viewer = new Ocma.Core.Audit.Actor("v1", "viewer@example.com", new HashSet<string> { Ocma.Core.Identity.Roles.Viewer });
        var result = await _harness.App.Get<ComposeService>().SubmitAsync(
            new ComposeRequest(1, "Sneaky", [_harness.Channel.Id], ComposeMode.PublishNow, null), viewer, CancellationToken.None);

        Assert.False(result.Succeeded);
        await AssertNothingStoredAsync();
    }

    private async Task AssertNothingStoredAsync() =>
        Assert.Empty(await _harness.App.Get<PostQueries>().RecentAsync(1, 10, CancellationToken.None));
}
