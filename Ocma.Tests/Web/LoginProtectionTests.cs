using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Ocma.Core.Audit;
using Ocma.Tests.Support;

namespace Ocma.Tests.Web;

public sealed class LoginProtectionTests : IAsyncLifetime
{
    private readonly OcmaAppFactory _app = new();

    public async Task InitializeAsync() => await TestUsers.CreateAdminAsync(_app);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SignIn_25FailedPostsFromOneAddress_AreAnswered429WithRetryAfter()
    {
        var client = NewClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 25; i++)
        {
            var response = await PostSignInAsync(client, $"nobody{i}@example.com", "Wrong-password-1");
            statuses.Add(response.StatusCode);
            refused ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.All(statuses.Take(20), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.All(statuses.Skip(20), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        Assert.InRange(refused!.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
    }

    [Fact]
    public async Task SignIn_ManyPostsForOneAccount_AreAnswered429EvenFromFreshClients()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add((await PostSignInAsync(NewClient(), TestUsers.AdminEmail, "Wrong-password-1")).StatusCode);
        }

        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses.Skip(10));
    }

    [Fact]
    public async Task SignIn_UnknownExistingAndLockedAccount_GiveTheSameMessage()
    {
        var client = NewClient();
        var existing = new List<string>();
        var unknown = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            existing.Add(Message(await FormPoster.SignInAsync(client, TestUsers.AdminEmail, "Wrong-password-1")));
            unknown.Add(Message(await FormPoster.SignInAsync(client, "no-such-person@example.com", "Wrong-password-1")));
        }

        Assert.Equal(existing, unknown);
        Assert.NotNull((await TestUsers.FindAsync(_app, TestUsers.AdminEmail)).LockoutEnd); // the real account did lock
        Assert.Single(existing.Distinct());
    }

    [Fact]
    public async Task SignIn_ReturnUrlWithIdeographicSpace_GoesToTheDashboardNot500()
    {
        // Over real Kestrel: it is Kestrel that refuses a Location header with characters outside ASCII.
        await using var app = new OcmaAppFactory();
        var baseUrl = app.StartOnLoopback();
        await TestUsers.CreateAdminAsync(app);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(baseUrl) };
        var response = await FormPoster.SubmitAsync(client, "/Account/Login?ReturnUrl=%2F%E3%80%80%2Fevil.example", new Dictionary<string, string>
        {
            ["Input.Email"] = TestUsers.AdminEmail,
            ["Input.Password"] = TestUsers.Password,
        });

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, app.Logs.All);
        Assert.Equal("/", new Uri(new Uri(baseUrl), response.Headers.Location!).PathAndQuery);
    }

    [Fact]
    public async Task SignIn_Succeeded_AuditRowCarriesTheUserId()
    {
        Assert.Equal("signed-in", await FormPoster.SignInAsync(NewClient(), TestUsers.AdminEmail, TestUsers.Password));

        var admin = await TestUsers.FindAsync(_app, TestUsers.AdminEmail);
        var rows = await _app.Get<AuditLog>().RecentAsync(50, CancellationToken.None);
        Assert.Equal(admin.Id, Assert.Single(rows, r => r.Action == "user.signed-in").UserId);
    }

    // Which answer a page gave: the one failure message, or whatever else it said (the alert's words differ otherwise).
    private static string Message(string page) =>
        page.Contains("The email or password is not right. After five wrong tries an account is locked", StringComparison.Ordinal) ? "the one failure message"
        : page.Contains("locked", StringComparison.Ordinal) ? "a message about locking" : "something else";

    private static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email, string password) =>
        await FormPoster.SubmitAsync(client, "/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    private HttpClient NewClient() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
