using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Ocma.Core.Identity;
using Ocma.Core.Sandbox;
using Ocma.Tests.Core.Publishing;
using Ocma.Tests.Support;

namespace Ocma.Tests.Web;

public sealed class DeadLettersPageTests : IAsyncLifetime
{
    private PublishingHarness _harness = default!;

    public async Task InitializeAsync()
    {
        _harness = await PublishingHarness.StartAsync();
        await TestUsers.CreateAsync(_harness.App, _harness.Admin, "viewer@example.com", Roles.Viewer);
        await _harness.FailedAsync("Refused for the page", SandboxFailureMode.Rejected);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task DeadLetters_Viewer_SeesTheGroupsButNoActions()
    {
        var viewer = await SignedInAsync("viewer@example.com");
        var admin = await SignedInAsync(TestUsers.AdminEmail);

        var asViewer = await viewer.GetAsync("/dead-letters");
        var asAdmin = await admin.GetStringAsync("/dead-letters");

        Assert.Equal(HttpStatusCode.OK, asViewer.StatusCode);
        var html = await asViewer.Content.ReadAsStringAsync();
        Assert.Contains("Content refused", html, StringComparison.Ordinal);
        Assert.Contains("an Editor or Admin decides", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Retry these", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Move back to draft", html, StringComparison.Ordinal);
        Assert.Contains("Retry these", asAdmin, StringComparison.Ordinal); // the same page shows them to someone who may act
    }

    [Fact]
    public async Task DeadLetters_Anonymous_RedirectsToSignIn()
    {
        var response = await NewClient().GetAsync("/dead-letters");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = NewClient();
        Assert.Equal("signed-in", await FormPoster.SignInAsync(client, email, TestUsers.Password));
        return client;
    }

    private HttpClient NewClient() => _harness.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
