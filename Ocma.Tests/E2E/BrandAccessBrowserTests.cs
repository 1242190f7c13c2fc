using Microsoft.Playwright;
using Ocma.Core.Brands;
using Ocma.Core.Identity;
using Ocma.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Ocma.Tests.E2E;

/// <summary>An Admin sets someone's brands and roles on Admin → Users; that person's top bar then offers only those brands.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BrandAccessBrowserTests(Browser browser) : IClassFixture<Browser>
{
    private const string Person = "writer@example.com";

    [Fact]
    public async Task AdminLimitsAPersonToOneBrand_TheirSwitcherOffersOnlyThatBrand()
    {
        await using var app = new OcmaAppFactory();
        var baseUrl = app.StartOnLoopback();
        var admin = await TestUsers.CreateAdminAsync(app);
        var second = (await app.Get<BrandAdminService>().CreateAsync("Harbour Café", "Asia/Tokyo", admin, CancellationToken.None)).Value;
        var person = await TestUsers.CreateAsync(app, admin, Person, Roles.Editor);
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        await Browser.SignInAsync(page, baseUrl);
        await page.GotoAsync(baseUrl + "/admin/users");
        await Browser.WaitUntilInteractiveAsync(page);

        var row = page.Locator(".users-grid tr").Filter(new() { HasText = Person });
        await row.GetByRole(AriaRole.Button, new() { Name = "Brands" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel($"Role in {BrandService.DefaultName}").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "No access", Exact = true }).ClickAsync();
        await dialog.GetByLabel("Role in Harbour Café").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Viewer", Exact = true }).ClickAsync();
        await page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath("brand-access-01-dialog") });
        await page.ClickAsync("#save-brands");

        await Expect(Browser.Message(page, $"{Person} now works in Harbour Café (Viewer).")).ToBeVisibleAsync();
        Assert.Equal(new Dictionary<int, string> { [second.Id] = Roles.Viewer }, await app.Get<MembershipService>().ListAsync(person.UserId!, CancellationToken.None));

        await using var theirs = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var theirPage = await theirs.NewPageAsync();
        await Browser.SignInAsync(theirPage, baseUrl, Person);
        await Expect(theirPage.GetByTestId("current-brand")).ToHaveTextAsync("Harbour Café");
        await Expect(theirPage.Locator("details.brand-switcher")).ToHaveCountAsync(0); // one brand: nothing to switch to
        await Expect(theirPage.Locator("[data-testid=signed-in-user]")).ToContainTextAsync("Viewer");
    }
}
