using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Ocma.Core.Brands;
using Ocma.Core.Posts;
using Ocma.Tests.Support;
using Ocma.Web.Endpoints;

namespace Ocma.Tests.Web;

/// <summary>The top bar's brand picker posts to <c>/brand/switch</c>; links can name a brand too.</summary>
public sealed class BrandSwitchEndpointTests : IAsyncLifetime
{
    private readonly OcmaAppFactory _app = new();
    private Brand _first = default!;
    private Brand _second = default!;

    public async Task InitializeAsync()
    {
        var admin = await TestUsers.CreateAdminAsync(_app);
        _first = await _app.Get<BrandService>().GetCurrentAsync(null, CancellationToken.None);
        _second = (await _app.Get<BrandAdminService>().CreateAsync("Harbour Café", "Asia/Tokyo", admin, CancellationToken.None)).Value;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Switch_FromTheTopBarForm_SavesTheChoiceAndGoesBackToThePage()
    {
        var client = await SignedInAsync();

        var response = await FormPoster.SubmitAsync(client, "/calendar?view=list", Fields(_second.Id), "/brand/switch");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/calendar?view=list", response.Headers.Location!.OriginalString);
        Assert.Equal(_second.Id, await CurrentBrandIdAsync());
        Assert.Contains("Harbour Café: scheduled and published posts, shown in Asia/Tokyo", await TextAsync(client, "/calendar"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Switch_WithoutAntiforgeryToken_IsRefusedAndChangesNothing()
    {
        var client = await SignedInAsync();

        var response = await client.PostAsync("/brand/switch", new FormUrlEncodedContent(new Dictionary<string, string> { ["brandId"] = $"{_second.Id}", ["returnUrl"] = "/" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await CurrentBrandIdAsync());
    }

    [Fact]
    public async Task Switch_UnknownBrand_IsRefusedWithAMessage()
    {
        var client = await SignedInAsync();

        var response = await FormPoster.SubmitAsync(client, "/", Fields(9999), "/brand/switch");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("That brand does not exist", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await CurrentBrandIdAsync());
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task Switch_ReturnUrlOffThisSite_GoesToTheDashboardInstead(string returnUrl)
    {
        var client = await SignedInAsync();
        var fields = Fields(_second.Id);
        fields["returnUrl"] = returnUrl;

        var response = await FormPoster.SubmitAsync(client, "/", fields, "/brand/switch");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/calendar?brand=2&view=list", "/calendar?view=list")]
    [InlineData("/calendar?brand=2", "/calendar")]
    [InlineData("/media?type=image", "/media?type=image")]
    public void LocalReturnUrl_BrandInTheLink_IsDroppedSoTheSwitchSticks(string returnUrl, string expected)
    {
        Assert.Equal(expected, BrandEndpoints.LocalReturnUrl(returnUrl));
    }

    [Fact]
    public async Task Calendar_LinkNamingABrand_ShowsThatBrandButNeverChangesTheSavedOne()
    {
        var client = await SignedInAsync();

        var first = await client.GetAsync($"/calendar?brand={_second.Id}&view=list");
        var page = await TextAsync(client, $"/calendar?brand={_second.Id}&view=list");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Null(await CurrentBrandIdAsync());
        Assert.Contains("Harbour Café: scheduled and published posts", page, StringComparison.Ordinal);
        Assert.Contains($"You still work in {_first.Name}", page, StringComparison.Ordinal);
        Assert.Contains($"{_first.Name}: scheduled and published posts", await TextAsync(client, "/calendar"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostPage_PostOfAnotherBrand_NamesItsBrandAndOffersTheSwitch()
    {
        var admin = new Ocma.Core.Audit.Actor((await TestUsers.FindAsync(_app, TestUsers.AdminEmail)).Id, TestUsers.AdminEmail, new HashSet<string> { Ocma.Core.Identity.Roles.Admin });
        var channel = await SandboxChannels.ConnectAsync(_app, admin, "@harbour", _second.Id);
        var post = (await _app.Get<ComposeService>().SubmitAsync(new ComposeRequest(_second.Id, "harbour secret plans", [channel.Id], ComposeMode.SaveDraft, null), admin, CancellationToken.None)).Value;
        var client = await SignedInAsync();

        var timeline = await TextAsync(client, $"/posts/{post.Id}");
        var compose = await TextAsync(client, $"/compose?post={post.Id}");

        foreach (var html in new[] { timeline, compose })
        {
            Assert.Contains($"Post {post.Id} belongs to the brand Harbour Café, and you are working in {_first.Name}", html, StringComparison.Ordinal);
            Assert.DoesNotContain("harbour secret plans", html, StringComparison.Ordinal);
        }

        var switched = await FormPoster.SubmitAsync(client, $"/posts/{post.Id}", Fields(_second.Id), "/brand/switch");
        Assert.Equal($"/posts/{post.Id}", switched.Headers.Location!.OriginalString);
        Assert.Contains("harbour secret plans", await TextAsync(client, $"/posts/{post.Id}"), StringComparison.Ordinal);
    }

    /// <summary>The page's visible text, entities decoded.</summary>
    private static async Task<string> TextAsync(HttpClient client, string url) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync(url)).Body!.TextContent;

    private static Dictionary<string, string> Fields(int brandId) => new() { ["brandId"] = $"{brandId}" };

    private async Task<int?> CurrentBrandIdAsync() => (await TestUsers.FindAsync(_app, TestUsers.AdminEmail)).CurrentBrandId;

    private async Task<HttpClient> SignedInAsync()
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal("signed-in", await FormPoster.SignInAsync(client, TestUsers.AdminEmail, TestUsers.Password));
        return client;
    }
}
