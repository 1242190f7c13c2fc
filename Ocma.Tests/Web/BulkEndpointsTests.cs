using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Ocma.Core.Identity;
using Ocma.Tests.Support;

namespace Ocma.Tests.Web;

public sealed class BulkEndpointsTests : IAsyncLifetime
{
    private readonly OcmaAppFactory _app = new();

    public async Task InitializeAsync()
    {
        var admin = await TestUsers.CreateAdminAsync(_app);
        await TestUsers.CreateAsync(_app, admin, "viewer@example.com", Roles.Viewer);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/exports/posts.csv")]
    [InlineData("/exports/calendar.ics")]
    [InlineData("/import")]
    public async Task Get_Anonymous_RedirectsToSignIn(string url)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_Viewer_IsDenied()
    {
        var client = await SignedInAsync("viewer@example.com");

        var response = await client.GetAsync("/import");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exports_Viewer_GetsCsvWithBomAndCalendar()
    {
        var client = await SignedInAsync("viewer@example.com");

        var csv = await client.GetAsync("/exports/posts.csv");
        var ics = await client.GetAsync("/exports/calendar.ics");

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), (await csv.Content.ReadAsByteArrayAsync())[..3]);
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", ics.Content.Headers.ContentType.CharSet);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", await ics.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_Admin_RendersTheUploadForm()
    {
        var client = await SignedInAsync(TestUsers.AdminEmail);

        var html = await client.GetStringAsync("/import");

        Assert.Contains("text,channels,due,media", html, StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal("signed-in", await FormPoster.SignInAsync(client, email, TestUsers.Password));
        return client;
    }
}
