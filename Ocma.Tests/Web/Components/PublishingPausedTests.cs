using Bunit;
using Microsoft.Data.Sqlite;
using Ocma.Core.Identity;
using Ocma.Core.Storage;
using Ocma.Tests.Support;
using Ocma.Web.Components.Layout;
using Ocma.Web.Features.Admin;

namespace Ocma.Tests.Web.Components;

/// <summary>What people see while Ocma cannot store anything: a live top-bar line on every page, the System page's account, and a page error that says nothing was saved.</summary>
public sealed class PublishingPausedTests : AppComponentTest
{
    private const string DiskFull = "the disk holding the database is full";

    [Fact]
    public async Task TopBar_Admin_SeesTheReasonLive_AndItClearsWhenPublishingResumes()
    {
        var admin = await TestUsers.CreateAdminAsync(App);
        SignInAs(admin);
        var cut = Render<PublishingPausedBanner>(p => p.Add(b => b.User, AdminPrincipal()));
        Assert.Empty(cut.FindAll("[data-testid=publishing-paused]"));

        App.Get<StorageStatus>().PauseFor(DiskFull);
        cut.WaitForAssertion(() => Assert.Contains($"Publishing is paused: {DiskFull}. Nothing is being sent", cut.Find("[data-testid=publishing-paused]").TextContent, StringComparison.Ordinal));
        Assert.Equal("/admin/system", cut.Find(".paused-details").GetAttribute("href"));

        App.Get<StorageStatus>().Resume();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=publishing-paused]")));
    }

    [Fact]
    public async Task TopBar_Editor_IsToldPublishingIsPaused_WithoutServerDetails()
    {
        var admin = await TestUsers.CreateAdminAsync(App);
        SignInAs(await TestUsers.CreateAsync(App, admin, "editor@example.com", Roles.Editor));
        App.Get<StorageStatus>().PauseFor("only 12 MB are free on the disk holding the data folder /srv/ocma");

        var cut = Render<PublishingPausedBanner>(p => p.Add(b => b.User, new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity([new(System.Security.Claims.ClaimTypes.Role, Roles.Editor)], "test"))));

        var line = cut.Find("[data-testid=publishing-paused]").TextContent;
        Assert.Contains("Publishing is paused: the server cannot store anything right now. Nothing is being sent", line, StringComparison.Ordinal);
        Assert.DoesNotContain("/srv/ocma", line, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".paused-details"));
    }

    [Fact]
    public async Task SystemPage_ShowsWhyPublishingIsPausedAndTheFreeSpace()
    {
        SignInAs(await TestUsers.CreateAdminAsync(App));
        App.Get<StorageStatus>().PauseFor(DiskFull);

        var cut = RenderInLayout<SystemPage>();

        cut.WaitForAssertion(() => Assert.Contains($"Publishing is paused: {DiskFull}.", cut.Find("[data-testid=storage-paused]").TextContent, StringComparison.Ordinal));
        Assert.Matches(@"\d+(\.\d)? (KB|MB|GB)", cut.Find("[data-testid=free-space]").TextContent);
    }

    [Fact]
    public async Task PageError_FullDisk_SaysNothingWasSaved_AndPausesPublishing()
    {
        SignInAs(await TestUsers.CreateAdminAsync(App));
        var failure = new Microsoft.EntityFrameworkCore.DbUpdateException("An error occurred while saving the entity changes.", new SqliteException("SQLite Error 13: 'database or disk is full'.", 13));

        var cut = Render<PageError>(p => p.Add(e => e.Error, failure));

        Assert.Contains($"Nothing was saved: {DiskFull}.", cut.Find("[data-testid=page-error]").TextContent, StringComparison.Ordinal);
        Assert.Equal(DiskFull, App.Get<StorageStatus>().Pause?.Reason);
    }

    private static System.Security.Claims.ClaimsPrincipal AdminPrincipal() =>
        new(new System.Security.Claims.ClaimsIdentity([new(System.Security.Claims.ClaimTypes.Role, Roles.Admin)], "test"));
}
