using System.Net;
using Ocma.Tests.Support;

namespace Ocma.Tests.Web;

public sealed class AntiforgeryTests : IAsyncLifetime
{
    // Production: the error handler and status-code pages run as they do for a real installation.
    private readonly OcmaAppFactory _app = new(settings: new Dictionary<string, string?> { ["environment"] = "Production" });
    private string _baseUrl = "";

    public async Task InitializeAsync()
    {
        _baseUrl = _app.StartOnLoopback();
        await TestUsers.CreateAdminAsync(_app);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/Account/Logout")]
    [InlineData("/brand/switch")]
    [InlineData("/sandbox/authorize/decision")]
    public async Task Post_WithoutAntiforgeryToken_Is400WithNoStackTraceInTheLog(string path)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(_baseUrl) };
        Assert.Equal("signed-in", await FormPoster.SignInAsync(client, TestUsers.AdminEmail, TestUsers.Password));

        var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = TestUsers.AdminEmail,
            ["Input.Password"] = TestUsers.Password,
            ["brandId"] = "1",
            ["returnUrl"] = "/",
        }));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}\n{_app.Logs.All}");
        Assert.DoesNotContain("   at ", _app.Logs.All, StringComparison.Ordinal);
    }
}
