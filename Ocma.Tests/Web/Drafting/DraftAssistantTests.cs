using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Ocma.Core.Identity;
using Ocma.Tests.Support;

namespace Ocma.Tests.Web.Drafting;

/// <summary>The composer's draft assistant as the server renders it.</summary>
public sealed class DraftAssistantTests : IAsyncLifetime
{
    private readonly OcmaAppFactory _app = new();

    public async Task InitializeAsync()
    {
        var admin = await TestUsers.CreateAdminAsync(_app);
        await TestUsers.CreateAsync(_app, admin, "editor@example.com", Roles.Editor);
        await SandboxChannels.ConnectAsync(_app, admin);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Render_OnTheComposerWithTheDefaultSettings_LabelsTheBuiltInDrafter()
    {
        var client = NewClient();
        Assert.Equal("signed-in", await FormPoster.SignInAsync(client, "editor@example.com", TestUsers.Password));

        var html = await client.GetStringAsync("/compose");

        Assert.Contains("Draft assistant", html, StringComparison.Ordinal);
        Assert.Contains("Built-in drafter (no AI)", html, StringComparison.Ordinal);
    }

    private HttpClient NewClient() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
