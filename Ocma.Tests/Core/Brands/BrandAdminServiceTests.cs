using Microsoft.EntityFrameworkCore;
using Ocma.Core.Audit;
using Ocma.Core.Brands;
using Ocma.Core.Data;
using Ocma.Core.Identity;
using Ocma.Core.Media;
using Ocma.Core.Posts;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core.Brands;

public sealed class BrandAdminServiceTests : IAsyncLifetime
{
    private readonly OcmaAppFactory _app = new();
    private Actor _admin = default!;

    private BrandAdminService Admin => _app.Get<BrandAdminService>();

    public async Task InitializeAsync() => _admin = await TestUsers.CreateAdminAsync(_app);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Create_NameAndZone_IsListedTrimmedAndAudited()
    {
        var created = await Admin.CreateAsync("  Harbour Café ", "Europe/Berlin", _admin, CancellationToken.None);

        Assert.True(created.Succeeded, created.Error);
        var listed = await _app.Get<BrandService>().ListAsync(CancellationToken.None);
        Assert.Contains(listed, b => b.Id == created.Value.Id && b.Name == "Harbour Café" && b.TimeZoneId == "Europe/Berlin");
        Assert.Equal(1, await AuditCountAsync("brand.created", $"brand {created.Value.Id}"));
    }

    [Theory]
    [InlineData("my BRAND", "Etc/UTC", "already a brand called")]
    [InlineData("", "Etc/UTC", "1 to 100 characters")]
    [InlineData("Far away", "Mars/Olympus", "not a time zone")]
    public async Task Create_DuplicateEmptyOrBadZone_IsRefusedWithWhatToFixAndStoresNothing(string name, string zone, string message)
    {
        var created = await Admin.CreateAsync(name, zone, _admin, CancellationToken.None);

        Assert.False(created.Succeeded);
        Assert.Contains(message, created.Error, StringComparison.Ordinal);
        Assert.Single(await _app.Get<BrandService>().ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Create_Editor_IsRefused()
    {
        var editor = await TestUsers.CreateAsync(_app, _admin, "editor@example.com", Roles.Editor);

        var created = await Admin.CreateAsync("Second", "Etc/UTC", editor, CancellationToken.None);

        Assert.Contains("Only an Admin", created.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_ToAnotherBrandsName_IsRefused()
    {
        var second = (await Admin.CreateAsync("Second", "Etc/UTC", _admin, CancellationToken.None)).Value;

        var renamed = await _app.Get<BrandService>().UpdateAsync(second.Id, BrandService.DefaultName, "Etc/UTC", _admin, CancellationToken.None);

        Assert.Contains("already a brand called", renamed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_LastBrand_IsRefused()
    {
        var only = await _app.Get<BrandService>().GetCurrentAsync(null, CancellationToken.None);

        var deleted = await Admin.DeleteAsync(only.Id, _admin, CancellationToken.None);

        Assert.Contains("only brand", deleted.Error, StringComparison.Ordinal);
        Assert.Single(await _app.Get<BrandService>().ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Delete_BrandWithChannelPostAndMedia_IsRefusedAndSaysWhatIsInIt()
    {
        var second = (await Admin.CreateAsync("Busy", "Etc/UTC", _admin, CancellationToken.None)).Value;
        var channel = await SandboxChannels.ConnectAsync(_app, _admin, "@busy", second.Id);
        Assert.True((await _app.Get<ComposeService>().SubmitAsync(new ComposeRequest(second.Id, "busy draft", [channel.Id], ComposeMode.SaveDraft, null), _admin, CancellationToken.None)).Succeeded);
        using (var image = new MemoryStream(TestImages.Png(20, 20)))
        {
            Assert.True((await _app.Get<MediaUploadService>().UploadAsync(new MediaUpload(second.Id, "busy.png", "image/png", image), _admin, CancellationToken.None)).Succeeded);
        }

        var deleted = await Admin.DeleteAsync(second.Id, _admin, CancellationToken.None);

        Assert.Equal("'Busy' still has 1 channel, 1 post, 1 media file. Only a brand with no channels, posts or media can be deleted.", deleted.Error);
        Assert.NotNull(await _app.Get<BrandService>().FindAsync(second.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Delete_EmptyBrand_IsGoneAuditedAndItsUsersFallBackToTheFirstBrand()
    {
        var first = await _app.Get<BrandService>().GetCurrentAsync(null, CancellationToken.None);
        var empty = (await Admin.CreateAsync("Empty", "Asia/Tokyo", _admin, CancellationToken.None)).Value;
        Assert.True((await _app.Get<BrandService>().SwitchAsync(_admin.UserId!, empty.Id, CancellationToken.None)).Succeeded);

        var deleted = await Admin.DeleteAsync(empty.Id, _admin, CancellationToken.None);

        Assert.True(deleted.Succeeded, deleted.Error);
        Assert.Null(await _app.Get<BrandService>().FindAsync(empty.Id, CancellationToken.None));
        Assert.Equal(first.Id, (await _app.Get<BrandService>().GetCurrentAsync(_admin.UserId, CancellationToken.None)).Id);
        Assert.Equal(1, await AuditCountAsync("brand.deleted", $"brand {empty.Id}"));
    }

    private async Task<int> AuditCountAsync(string action, string subject)
    {
        await using var db = await _app.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        return await db.AuditEvents.CountAsync(e => e.Action == action && e.Subject == subject);
    }
}
