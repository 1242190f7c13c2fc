using Microsoft.AspNetCore.Mvc.Testing;
using Ocma.Tests.Support;

namespace Ocma.Tests.Web;

public sealed class SecurityHeadersTests : IAsyncLifetime
{
    private readonly OcmaAppFactory _app = new();

    public async Task InitializeAsync() => await TestUsers.CreateAdminAsync(_app);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/Account/Login")] // a page
    [InlineData("/app.css")] // a static file
    [InlineData("/_content/MudBlazor/MudBlazor.min.js")] // a package's file
    [InlineData("/no-such-page")] // the not-found page
    [InlineData("/activity")] // a redirect to sign in
    [InlineData("/healthz")]
    [InlineData("/media/files/12345")]
    public async Task AnyResponse_CarriesNosniffReferrerPolicyAndTheContentSecurityPolicy(string path)
    {
        var response = await _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync(path);

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        foreach (var directive in new[] { "script-src 'self';", "object-src 'none';", "frame-ancestors 'self';", "base-uri 'self'", "default-src 'self';" })
        {
            Assert.Contains(directive, policy, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", policy, StringComparison.Ordinal);
    }
}
