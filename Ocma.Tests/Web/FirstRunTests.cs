using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Ocma.Core.Identity;
using Ocma.Tests.Support;

namespace Ocma.Tests.Web;

public sealed class FirstRunTests : IAsyncLifetime
{
    private readonly OcmaAppFactory _app = new();
    private HttpClient _client = default!;

    public Task InitializeAsync()
    {
        _client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AnyPage_WhileNoUserExists_RedirectsToSetup()
    {
        var response = await _client.GetAsync("/compose");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/setup", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SetupForm_CreatesFirstAdmin_ThenSetupIsGone()
    {
        var response = await FormPoster.SubmitAsync(_client, "/setup", new Dictionary<string, string>
        {
            ["Input.Email"] = "first@example.com",
            ["Input.Password"] = TestUsers.Password,
            ["Input.ConfirmPassword"] = TestUsers.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var admin = await TestUsers.FindAsync(_app, "first@example.com");
        Assert.NotNull(admin);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/setup")).StatusCode);
    }

    [Fact]
    public async Task SetupForm_WeakPassword_SaysWhatToFixAndCreatesNobody()
    {
        var response = await FormPoster.SubmitAsync(_client, "/setup", new Dictionary<string, string>
        {
            ["Input.Email"] = "first@example.com",
            ["Input.Password"] = "alllowercase1",
            ["Input.ConfirmPassword"] = "alllowercase1",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("uppercase", html, StringComparison.OrdinalIgnoreCase);
        Assert.False(await _app.Get<SetupService>().IsSetUpAsync(CancellationToken.None));
    }

    [Fact]
    public async Task SecondSetup_AfterAdminExists_IsRefusedAndChangesNothing()
    {
        await TestUsers.CreateAdminAsync(_app);

        var second = await _app.Get<SetupService>().CreateFirstAdminAsync("intruder@example.com", TestUsers.Password, CancellationToken.None);

        Assert.False(second.Succeeded);
        Assert.Contains("already set up", second.Error);
        Assert.Null(await TestUsers.FindAsync(_app, "intruder@example.com"));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PostAsync("/setup", new FormUrlEncodedContent(new Dictionary<string, string>()))).StatusCode);
    }
}
