using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Ocma.Core.Audit;
using Ocma.Core.Identity;
using Ocma.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Ocma.Tests.E2E;

/// <summary>A page already open when an Admin changes its person: it loses its powers at once and says why.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OpenPageSignInTests(Browser browser) : IClassFixture<Browser>
{
    private const string SecondAdmin = "second-admin@example.com";

    [Fact]
    public async Task DemotedAdmin_WithUsersPageOpen_NextRoleChangeIsRefusedAndTheTabSaysWhy()
    {
        // A long interval: what ends this page is the refused click, not the periodic check.
        await using var app = new OcmaAppFactory(settings: new Dictionary<string, string?> { ["Sessions:RevalidationInterval"] = "00:00:30", ["Sessions:NoticeBeforeReload"] = "00:00:03" });
        var baseUrl = app.StartOnLoopback();
        var admin = await TestUsers.CreateAdminAsync(app);
        var second = await TestUsers.CreateAsync(app, admin, SecondAdmin, Roles.Admin);
        var viewer = await TestUsers.CreateAsync(app, admin, "viewer@example.com", Roles.Viewer);
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        await Browser.SignInAsync(page, baseUrl, SecondAdmin);
        await page.GotoAsync(baseUrl + "/admin/users");
        await Browser.WaitUntilInteractiveAsync(page);

        var demoted = await app.Get<UserService>().ChangeRoleAsync(second.UserId!, Roles.Viewer, admin, CancellationToken.None);
        Assert.True(demoted.Succeeded, demoted.Error);
        await page.GetByLabel("Role of viewer@example.com").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Admin", Exact = true }).ClickAsync();

        await Expect(page.GetByTestId("session-ended")).ToContainTextAsync("An Admin changed your role to Viewer");
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("open-page-01-demoted") });
        Assert.Equal([Roles.Viewer], await RolesOfAsync(app, viewer.UserId!));
        var doneBySecond = await app.Get<AuditQuery>().SearchAsync(new AuditFilter(SecondAdmin, "user.role-changed"), 0, 10, admin, CancellationToken.None);
        Assert.Equal(0, doneBySecond.Value.Total);

        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login.*ended=role"), new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("session-ended")).ToContainTextAsync("An Admin changed your role");
    }

    [Fact]
    public async Task LockedPerson_WithPageOpenAndIdle_TabSaysWhyWithinTheRevalidationInterval()
    {
        await using var app = new OcmaAppFactory(settings: new Dictionary<string, string?> { ["Sessions:RevalidationInterval"] = "00:00:02", ["Sessions:NoticeBeforeReload"] = "00:00:03" });
        var baseUrl = app.StartOnLoopback();
        var admin = await TestUsers.CreateAdminAsync(app);
        var editor = await TestUsers.CreateAsync(app, admin, "editor@example.com", Roles.Editor);
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        await Browser.SignInAsync(page, baseUrl, "editor@example.com");
        await Browser.WaitUntilInteractiveAsync(page);

        var locked = await app.Get<UserService>().LockAsync(editor.UserId!, admin, CancellationToken.None);
        Assert.True(locked.Succeeded, locked.Error);

        await Expect(page.GetByTestId("session-ended")).ToContainTextAsync("An Admin locked your account", new() { Timeout = 8_000 });
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login.*ended=locked"), new() { Timeout = 15_000 });
        await page.GotoAsync(baseUrl + "/compose");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
    }

    private static async Task<IList<string>> RolesOfAsync(OcmaAppFactory app, string userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OcmaUser>>();
        return await users.GetRolesAsync((await users.FindByIdAsync(userId))!);
    }
}
