using Microsoft.EntityFrameworkCore;
using Ocma.Core.Brands;
using Ocma.Core.Channels;
using Ocma.Core.Data;
using Ocma.Core.Posts;
using Ocma.Tests.Core.Publishing;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core.Posts;

public sealed class PostVariantsTests : IAsyncLifetime
{
    private PublishingHarness _harness = default!;
    private ChannelSummary _second = default!;

    public async Task InitializeAsync()
    {
        _harness = await PublishingHarness.StartAsync();
        _second = await SandboxChannels.ConnectAsync(_harness.App, _harness.Admin, "@second");
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Submit_WithVariantOnOneChannel_EachChannelPublishesItsOwnText()
    {
        var post = await ComposeAsync("Base words for everyone", new Dictionary<int, string> { [_second.Id] = "  Words only @second gets  " });

        Assert.True(post.Succeeded, post.Error);
        Assert.Null(post.Value.Targets.Single(t => t.ChannelId == _harness.Channel.Id).VariantText);
        Assert.Equal("Words only @second gets", post.Value.Targets.Single(t => t.ChannelId == _second.Id).VariantText);
        await Eventually.MatchesAsync(() => _harness.FeedCountAsync("Words only @second gets"), n => n == 1, TimeSpan.FromSeconds(20), "the variant on the feed");
        await Eventually.MatchesAsync(() => _harness.FeedCountAsync("Base words for everyone"), n => n == 1, TimeSpan.FromSeconds(20), "the base text on the feed");
    }

    [Fact]
    public async Task Submit_EmptyVariant_IsRefusedNamingTheChannel()
    {
        var post = await ComposeAsync("Base words", new Dictionary<int, string> { [_second.Id] = "   " });

        Assert.Equal("The text for @second is empty. Write it, or use \"Reset to base\" to send the base text there.", post.Error);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Submit_VariantOverTheChannelLimit_IsRefusedThoughTheBaseFits()
    {
        var post = await ComposeAsync("Short base", new Dictionary<int, string> { [_second.Id] = new string('v', 505) });

        Assert.Contains("@second: Shorten the text by 5 characters", post.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("@team", post.Error, StringComparison.Ordinal);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Submit_VariantForAChannelNotPicked_IsRefused()
    {
        var post = await ComposeAsync("Base words", new Dictionary<int, string> { [_second.Id] = "Elsewhere" }, channelIds: [_harness.Channel.Id]);

        Assert.Contains("not picked", post.Error, StringComparison.Ordinal);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Submit_VariantSameAsBase_StoresNoVariant()
    {
        var post = await ComposeAsync("Same words", new Dictionary<int, string> { [_second.Id] = "Same words" }, ComposeMode.SaveDraft);

        Assert.All(post.Value.Targets, t => Assert.Null(t.VariantText));
    }

    [Fact]
    public async Task Check_UsesTheTextEachChannelGets()
    {
        var channels = new[] { _harness.Channel, _second };

        var checks = _harness.App.Get<ComposeService>().Check("Short", channels, new Dictionary<int, string> { [_second.Id] = new string('x', 501) });

        Assert.True(checks.Single(c => c.Channel.Id == _harness.Channel.Id).Validation!.IsValid);
        Assert.Equal(501, checks.Single(c => c.Channel.Id == _second.Id).Validation!.Length);
        Assert.False(checks.Single(c => c.Channel.Id == _second.Id).Validation!.IsValid);
    }

    private async Task<Ocma.Core.Result<Post>> ComposeAsync(string text, IReadOnlyDictionary<int, string> variants, ComposeMode mode = ComposeMode.PublishNow, IReadOnlyList<int>? channelIds = null)
    {
        var brand = await _harness.App.Get<BrandService>().GetCurrentAsync(null, CancellationToken.None);
        var request = new ComposeRequest(brand.Id, text, channelIds ?? [_harness.Channel.Id, _second.Id], mode, null, variants);
        return await _harness.App.Get<ComposeService>().SubmitAsync(request, _harness.Admin, CancellationToken.None);
    }

    private async Task AssertNothingStoredAsync()
    {
        await using var db = await _harness.App.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await db.Posts.CountAsync());
    }
}
