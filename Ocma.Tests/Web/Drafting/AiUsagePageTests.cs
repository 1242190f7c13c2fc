using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Ocma.Core.Identity;
using Ocma.Tests.Support;

namespace Ocma.Tests.Web.Drafting;

/// <summary>/admin/ai-usage as the server renders it, for each role.</summary>
public sealed class AiUsagePageTests : IAsyncLifetime
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
    [InlineData("viewer@example.com")]
    [InlineData("editor@example.com")]
    public async Task AiUsagePage_OpenedWithoutAdminRole_RedirectsToAccessDenied(string email)
    {
        var client = NewClient();
        Assert.Equal("signed-in", await FormPoster.SignInAsync(client, email, TestUsers.Password));

        var response = await client.GetAsync("/admin/ai-usage");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AiUsagePage_OpenedByAdmin_ShowsTheMonthTotalsAndTheTab()
    {
        var client = NewClient();
        Assert.Equal("signed-in", await FormPoster.SignInAsync(client, TestUsers.AdminEmail, TestUsers.Password));

        var response = await client.GetAsync("/admin/ai-usage");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("usage-totals", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/ai-usage\"", html, StringComparison.Ordinal);
    }

    private HttpClient NewClient() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
