using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Ocma.Core.Identity;
using Ocma.Tests.Support;

namespace Ocma.Tests.Web;

public sealed class SignInTests : IAsyncLifetime
{
    private readonly OcmaAppFactory _app = new();

    public async Task InitializeAsync()
    {
        var admin = await TestUsers.CreateAdminAsync(_app);
        await TestUsers.CreateAsync(_app, admin, "viewer@example.com", Roles.Viewer);
        await TestUsers.CreateAsync(_app, admin, "contributor@example.com", Roles.Contributor);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccountEvenForTheRightOne()
    {
        var client = NewClient();
        for (var i = 0; i < 4; i++)
        {
            var page = await FormPoster.SignInAsync(client, TestUsers.AdminEmail, "Wrong-password-1");
            Assert.Contains("The email or password is not right.", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Wrong-password-1", page, StringComparison.Ordinal);
        }

        Assert.Contains("locked", await FormPoster.SignInAsync(client, TestUsers.AdminEmail, "Wrong-password-1"), StringComparison.Ordinal);

        var afterLockout = await FormPoster.SignInAsync(client, TestUsers.AdminEmail, TestUsers.Password);

        Assert.Contains("locked", afterLockout, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull((await TestUsers.FindAsync(_app, TestUsers.AdminEmail)).LockoutEnd);
    }

    [Fact]
    public async Task SignIn_RightPassword_OpensTheDashboard()
    {
        var client = NewClient();

        Assert.Equal("signed-in", await FormPoster.SignInAsync(client, TestUsers.AdminEmail, TestUsers.Password));
        var dashboard = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("Dashboard", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("viewer@example.com", "/compose")]
    [InlineData("viewer@example.com", "/admin/users")]
    [InlineData("viewer@example.com", "/admin/brands")]
    [InlineData("contributor@example.com", "/admin/users")]
    public async Task RestrictedPage_OpenedByUrlWithoutTheRole_IsDenied(string email, string url)
    {
        var client = NewClient();
        Assert.Equal("signed-in", await FormPoster.SignInAsync(client, email, TestUsers.Password));

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("viewer@example.com", "/activity")]
    [InlineData("contributor@example.com", "/compose")]
    public async Task AllowedPage_OpenedWithTheRole_Renders(string email, string url)
    {
        var client = NewClient();
        Assert.Equal("signed-in", await FormPoster.SignInAsync(client, email, TestUsers.Password));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task ConnectEndpoint_ForViewer_IsDenied()
    {
        var client = NewClient();
        Assert.Equal("signed-in", await FormPoster.SignInAsync(client, "viewer@example.com", TestUsers.Password));

        var response = await client.GetAsync("/oauth/sandbox/start");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyPage_Anonymous_RedirectsToSignIn()
    {
        var response = await NewClient().GetAsync("/activity");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private HttpClient NewClient() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
