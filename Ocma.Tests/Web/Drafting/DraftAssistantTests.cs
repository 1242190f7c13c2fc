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

    [Fact]
    public async Task Render_WithAHostedModelAndTheBudgetSpent_ShowsTheHardStopAndOffersTheBuiltInDrafter()
    {
        await using var app = new OcmaAppFactory(settings: new Dictionary<string, string?>
        {
            ["Drafting:Provider"] = "OpenAICompatible",
            ["Drafting:DefaultMonthlyBudget"] = "0",
        });
        var admin = await TestUsers.CreateAdminAsync(app);
        await SandboxChannels.ConnectAsync(app, admin);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal("signed-in", await FormPoster.SignInAsync(client, TestUsers.AdminEmail, TestUsers.Password));

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/compose"));

        Assert.Contains("OpenAI · gpt-4o-mini", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Built-in drafter (no AI)</span>", html, StringComparison.Ordinal);
        Assert.Contains("AI budget for", html, StringComparison.Ordinal);
        Assert.Contains("is spent", html, StringComparison.Ordinal);
        Assert.Contains("Use the built-in drafter", html, StringComparison.Ordinal);
    }

    private HttpClient NewClient() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
