using System.Net;
using Ocma.Tests.Support;

namespace Ocma.Tests.Web;

/// <summary>Over real Kestrel on 127.0.0.1: the proxy's address is what decides whether X-Forwarded-Proto is believed.</summary>
public sealed class ReverseProxyTests
{
    [Fact]
    public async Task ForwardedHttps_FromATrustedProxy_MakesCookiesSecureAndSendsHsts()
    {
        var (response, signInCookie) = await SignInThroughProxyAsync(trustedProxy: "127.0.0.1");

        Assert.Contains("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        Assert.Contains("secure", signInCookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ForwardedHttps_FromAnAddressThatIsNotAProxy_IsIgnored()
    {
        var (response, signInCookie) = await SignInThroughProxyAsync(trustedProxy: "10.9.9.9");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain("secure", signInCookie, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<(HttpResponseMessage Response, string SignInCookie)> SignInThroughProxyAsync(string trustedProxy)
    {
        await using var app = new OcmaAppFactory(settings: new Dictionary<string, string?> { ["ReverseProxy:KnownProxies:0"] = trustedProxy });
        var baseUrl = app.StartOnLoopback();
        await TestUsers.CreateAdminAsync(app);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(baseUrl) };
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        client.DefaultRequestHeaders.Host = "ocma.example";

        var page = await client.GetAsync("/Account/Login");
        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var html = await page.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["_handler"] = "login", ["Input.Email"] = TestUsers.AdminEmail, ["Input.Password"] = TestUsers.Password,
            }),
        };
        post.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return (page, signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("Ocma.Auth=", StringComparison.Ordinal)));
    }
}
