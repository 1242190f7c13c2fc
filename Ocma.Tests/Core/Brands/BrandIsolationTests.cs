using System.Text;
using Ocma.Core.Approvals;
using Ocma.Core.Audit;
using Ocma.Core.Brands;
using Ocma.Core.Bulk;
using Ocma.Core.Channels;
using Ocma.Core.Identity;
using Ocma.Core.Media;
using Ocma.Core.Posts;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core.Brands;

/// <summary>What brand B has (channel, posts, a post in review, media) never shows up in brand A's lists, and the other way round.</summary>
public sealed class BrandIsolationTests : IAsyncLifetime
{
    private static readonly DateTime Due = new(2031, 6, 3, 9, 0, 0);
    private readonly OcmaAppFactory _app = new();
    private int _brandA;
    private int _brandB;

    public async Task InitializeAsync()
    {
        var admin = await TestUsers.CreateAdminAsync(_app);
        var contributor = await TestUsers.CreateAsync(_app, admin, "writer@example.com", Roles.Contributor);
        _brandA = (await _app.Get<BrandService>().GetCurrentAsync(null, CancellationToken.None)).Id;
        _brandB = (await _app.Get<BrandAdminService>().CreateAsync("Brand B", "Asia/Tokyo", admin, CancellationToken.None)).Value.Id;
        var channelA = await SandboxChannels.ConnectAsync(_app, admin, "@alpha", _brandA);
        var channelB = await SandboxChannels.ConnectAsync(_app, admin, "@bravo", _brandB);
        Assert.True((await _app.Get<ApprovalPolicyService>().SetAsync(_brandB, true, admin, CancellationToken.None)).Succeeded);

        await ComposeAsync(_brandA, "alpha scheduled", channelA.Id, ComposeMode.Schedule, admin);
        await ComposeAsync(_brandB, "bravo scheduled", channelB.Id, ComposeMode.Schedule, admin);
        await ComposeAsync(_brandB, "bravo waiting for review", channelB.Id, ComposeMode.Schedule, contributor);
        using var image = new MemoryStream(TestImages.Png(20, 20));
        Assert.True((await _app.Get<MediaUploadService>().UploadAsync(new MediaUpload(_brandB, "bravo.png", "image/png", image), admin, CancellationToken.None)).Succeeded);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task CalendarQuery_BrandA_ShowsOnlyBrandAsPosts()
    {
        var posts = _app.Get<PostQueries>();

        var a = await posts.BetweenAsync(_brandA, Due.AddDays(-2), Due.AddDays(2), CancellationToken.None);
        var b = await posts.BetweenAsync(_brandB, Due.AddDays(-2), Due.AddDays(2), CancellationToken.None);

        Assert.Equal(["alpha scheduled"], a.Select(r => r.Text));
        Assert.Equal(["bravo scheduled", "bravo waiting for review"], b.Select(r => r.Text).Order());
    }

    [Fact]
    public async Task DashboardAndActivity_BrandA_CountAndListOnlyBrandAsTargets()
    {
        var posts = _app.Get<PostQueries>();

        var counts = await posts.CountByStateAsync(_brandA, CancellationToken.None);
        var recent = await posts.RecentAsync(_brandA, 100, CancellationToken.None);

        Assert.Equal(1, counts.Values.Sum());
        Assert.False(counts.ContainsKey(TargetState.InReview));
        Assert.Equal(["alpha scheduled"], recent.Select(r => r.Text));
        Assert.Equal(2, (await posts.CountByStateAsync(_brandB, CancellationToken.None)).Values.Sum());
    }

    [Fact]
    public async Task ApprovalsQueueAndNavCount_BrandA_LeaveOutBrandBsPostInReview()
    {
        var queue = _app.Get<ReviewQueueQuery>();

        Assert.Empty(await queue.ListAsync(_brandA, CancellationToken.None));
        Assert.Equal(0, await queue.CountAsync(_brandA, CancellationToken.None));
        Assert.Equal(["bravo waiting for review"], (await queue.ListAsync(_brandB, CancellationToken.None)).Select(i => i.Text));
        Assert.Equal(1, await queue.CountAsync(_brandB, CancellationToken.None));
    }

    [Fact]
    public async Task MediaAndChannels_BrandA_LeaveOutBrandBs()
    {
        var media = await _app.Get<MediaLibraryService>().ListAsync(new MediaQuery(_brandA), CancellationToken.None);
        var channels = await _app.Get<ChannelService>().ListAsync(_brandA, CancellationToken.None);

        Assert.Empty(media);
        Assert.Equal(["bravo.png"], (await _app.Get<MediaLibraryService>().ListAsync(new MediaQuery(_brandB), CancellationToken.None)).Select(m => m.FileName));
        Assert.Equal(["@alpha"], channels.Select(c => c.Handle));
    }

    [Fact]
    public async Task Export_BrandA_HasNoRowOfBrandB()
    {
        var csv = Encoding.UTF8.GetString(await _app.Get<PostExportService>().PostsCsvAsync(_brandA, CancellationToken.None));

        Assert.Contains("alpha scheduled", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("bravo", csv, StringComparison.Ordinal);
    }

    private async Task ComposeAsync(int brandId, string text, int channelId, ComposeMode mode, Actor actor)
    {
        var posted = await _app.Get<ComposeService>().SubmitAsync(new ComposeRequest(brandId, text, [channelId], mode, Due), actor, CancellationToken.None);
        Assert.True(posted.Succeeded, posted.Error);
    }
}
