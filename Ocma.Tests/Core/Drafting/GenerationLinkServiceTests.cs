using Ocma.Core.Drafting;
using Ocma.Tests.Core.Publishing;

namespace Ocma.Tests.Core.Drafting;

public sealed class GenerationLinkServiceTests : IAsyncLifetime
{
    private PublishingHarness _harness = default!;

    public async Task InitializeAsync() => _harness = await PublishingHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Attach_UsedDraft_IsStoredOnThePostWithItsPromptAndOutput_AndNeverMoved()
    {
        var draft = await _harness.App.Get<DraftService>().DraftFromBriefAsync(new DraftContext(_harness.Admin, 1), "Spring menu launches Friday", null, CancellationToken.None);
        Assert.True(draft.Succeeded, draft.Failure?.Message);
        var first = await _harness.ComposeAsync(draft.Value.Text, Ocma.Core.Posts.ComposeMode.SaveDraft);
        var second = await _harness.ComposeAsync("Another post", Ocma.Core.Posts.ComposeMode.SaveDraft);
        var links = _harness.App.Get<GenerationLinkService>();

        Assert.Equal(1, await links.AttachAsync([draft.Value.GenerationId], first.Value.Id, _harness.Admin.UserId!, CancellationToken.None));
        Assert.Equal(0, await links.AttachAsync([draft.Value.GenerationId], second.Value.Id, _harness.Admin.UserId!, CancellationToken.None));

        var stored = Assert.Single(await links.ForPostAsync(first.Value.Id, CancellationToken.None));
        Assert.Equal(draft.Value.Text, stored.Output);
        Assert.Contains("Spring menu launches Friday", stored.Prompt, StringComparison.Ordinal);
        Assert.Empty(await links.ForPostAsync(second.Value.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Attach_SomeoneElsesGeneration_IsNotLinked()
    {
        var draft = await _harness.App.Get<DraftService>().DraftFromBriefAsync(new DraftContext(_harness.Admin, 1), "Open day", null, CancellationToken.None);
        var post = await _harness.ComposeAsync("Open day", Ocma.Core.Posts.ComposeMode.SaveDraft);

        Assert.Equal(0, await _harness.App.Get<GenerationLinkService>().AttachAsync([draft.Value.GenerationId], post.Value.Id, "someone-else", CancellationToken.None));
    }
}
