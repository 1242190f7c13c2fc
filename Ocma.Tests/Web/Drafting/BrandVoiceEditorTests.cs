using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Ocma.Tests.Support;

namespace Ocma.Tests.Web.Drafting;

/// <summary>The brand voice editor on /admin/brands as the server renders it.</summary>
public sealed class BrandVoiceEditorTests : IAsyncLifetime
{
    private readonly OcmaAppFactory _app = new();

    public async Task InitializeAsync()
    {
        await TestUsers.CreateAdminAsync(_app);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Render_OnTheBrandsPageForAdmin_ShowsEveryVoiceField()
    {
        var client = NewClient();
        Assert.Equal("signed-in", await FormPoster.SignInAsync(client, TestUsers.AdminEmail, TestUsers.Password));

        var html = await client.GetStringAsync("/admin/brands");

        Assert.Contains("Brand voice and AI budget", html, StringComparison.Ordinal);
        Assert.Contains("Words to avoid", html, StringComparison.Ordinal);
    }

    private HttpClient NewClient() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
