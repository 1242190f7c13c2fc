using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Ocma.Core.Identity;
using Ocma.Tests.Support;

namespace Ocma.Tests.Web;

public sealed class AdminPagesAccessTests : IAsyncLifetime
{
    private readonly OcmaAppFactory _app = new();

    public async Task InitializeAsync()
    {
        var admin = await TestUsers.CreateAdminAsync(_app);
        await TestUsers.CreateAsync(_app, admin, "viewer@example.com", Roles.Viewer);
        await TestUsers.CreateAsync(_app, admin, "editor@example.com", Roles.Editor);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("viewer@example.com", "/admin/secrets")]
    [InlineData("viewer@example.com", "/admin/audit")]
    [InlineData("viewer@example.com", "/admin/system")]
    [InlineData("editor@example.com", "/admin/secrets")]
    [InlineData("editor@example.com", "/admin/audit")]
    [InlineData("editor@example.com", "/admin/system")]
    public async Task AdminPage_WithoutTheAdminRole_RedirectsToAccessDenied(string email, string url)
    {
        var client = await SignedInAsync(email);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/secrets", "Set or replace a secret")]
    [InlineData("/admin/audit", "cannot be edited or deleted")]
    [InlineData("/admin/system", "Next dispatcher run")]
    public async Task AdminPage_ForAnAdmin_Renders(string url, string expected)
    {
        var client = await SignedInAsync(TestUsers.AdminEmail);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostTimeline_UnknownPost_SaysItIsNotThere()
    {
        var client = await SignedInAsync("viewer@example.com");

        var html = await client.GetStringAsync("/posts/9999");

        Assert.Contains("There is no post 9999", html, StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal("signed-in", await FormPoster.SignInAsync(client, email, TestUsers.Password));
        return client;
    }
}
