using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Ocma.Core.Audit;
using Ocma.Core.Brands;
using Ocma.Core.Calendar;
using Ocma.Core.Identity;
using Ocma.Core.Media;
using Ocma.Core.Posts;
using Ocma.Tests.Support;

namespace Ocma.Tests.Web;

/// <summary>
/// Two brands, and a person who is an Editor in brand A only: over HTTP, everything of brand B is "not found" for them
/// (posts, media files, the brand switch), and their lists, exports and calendar feed hold brand A alone.
/// </summary>
public sealed class BrandMembershipAccessTests : IAsyncLifetime
{
    private const string Member = "a-only@example.com";
    private static readonly DateTime Due = new(TestClock.FutureYear, 6, 3, 9, 0, 0);
    private readonly OcmaAppFactory _app = new();
    private Actor _admin = default!;
    private int _brandA;
    private int _brandB;
    private int _postA;
    private int _postB;
    private int _mediaA;
    private int _mediaB;

    public async Task InitializeAsync()
    {
        _admin = await TestUsers.CreateAdminAsync(_app);
        _brandA = (await _app.Get<BrandService>().GetCurrentAsync(null, CancellationToken.None)).Id;
        _brandB = (await _app.Get<BrandAdminService>().CreateAsync("Brand B", "Asia/Tokyo", _admin, CancellationToken.None)).Value.Id;
        var member = await _app.Get<UserService>().CreateAsync(Member, TestUsers.Password, Roles.Editor, _admin, CancellationToken.None, new Dictionary<int, string> { [_brandA] = Roles.Editor });
        Assert.True(member.Succeeded, member.Error);
        var channelA = await SandboxChannels.ConnectAsync(_app, _admin, "@alpha", _brandA);
        var channelB = await SandboxChannels.ConnectAsync(_app, _admin, "@bravo", _brandB);
        _postA = await ComposeAsync(_brandA, "alpha plan", channelA.Id);
        _postB = await ComposeAsync(_brandB, "bravo secret plan", channelB.Id);
        _mediaA = await UploadAsync(_brandA);
        _mediaB = await UploadAsync(_brandB);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/posts/{post}")]
    [InlineData("/compose?post={post}")]
    [InlineData("/compose?from={post}")]
    [InlineData("/media/files/{media}")]
    [InlineData("/media/files/{media}/thumbnail")]
    public async Task OtherBrandsObjectById_AnswersNotFound_OwnBrandsIsThere(string path)
    {
        var client = await SignedInAsync(Member);

        var other = await client.GetAsync(path.Replace("{post}", $"{_postB}").Replace("{media}", $"{_mediaB}"));
        var own = await client.GetAsync(path.Replace("{post}", $"{_postA}").Replace("{media}", $"{_mediaA}"));

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.DoesNotContain("bravo secret plan", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task Admin_StillOpensEveryBrandsObjects()
    {
        var client = await SignedInAsync(TestUsers.AdminEmail);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/media/files/{_mediaB}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.NotFound, (await client.GetAsync($"/posts/{_postB}")).StatusCode);
    }

    [Fact]
    public async Task SwitchingToAnotherBrand_IsRefused_AndTheSwitcherListsOnlyTheirBrands()
    {
        var client = await SignedInAsync(Member);

        var dashboard = await client.GetStringAsync("/");
        var token = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(dashboard).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        Assert.NotEmpty(token);
        var switched = await client.PostAsync("/brand/switch", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["brandId"] = $"{_brandB}",
            ["returnUrl"] = "/",
        }));

        Assert.NotEqual(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal(_brandA, (await _app.Get<BrandService>().GetCurrentAsync((await TestUsers.FindAsync(_app, Member)).Id, CancellationToken.None)).Id);
        Assert.DoesNotContain("Brand B", dashboard, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/exports/posts.csv")]
    [InlineData("/exports/calendar.ics")]
    [InlineData("/activity")]
    [InlineData("/calendar")]
    [InlineData("/calendar?brand={brandB}")]
    public async Task ListsAndExports_HoldOnlyTheirBrand(string path)
    {
        var client = await SignedInAsync(Member);

        var body = await client.GetStringAsync(path.Replace("{brandB}", $"{_brandB}"));

        Assert.DoesNotContain("bravo secret plan", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalendarExport_NamesAMemberBrand_ExportsThatBrand_AnotherBrandIs404()
    {
        var admin = await SignedInAsync(TestUsers.AdminEmail);
        var member = await SignedInAsync(Member);

        var bravo = await admin.GetStringAsync($"/exports/calendar.ics?brand={_brandB}");
        var refused = await member.GetAsync($"/exports/calendar.ics?brand={_brandB}");

        Assert.Contains("bravo secret plan", bravo, StringComparison.Ordinal);
        Assert.DoesNotContain("alpha plan", bravo, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task CalendarFeed_HoldsOnlyTheirBrand()
    {
        var user = await TestUsers.FindAsync(_app, Member);
        var member = new Actor(user.Id, Member, new HashSet<string> { Roles.Editor });
        var address = await _app.Get<CalendarFeedService>().IssueAsync(member, new Uri("http://localhost/"), CancellationToken.None);

        var feed = await _app.CreateClient().GetStringAsync(address.Value.PathAndQuery);

        Assert.Contains("alpha plan", feed, StringComparison.Ordinal);
        Assert.DoesNotContain("bravo secret plan", feed, StringComparison.Ordinal);
    }

    private async Task<int> ComposeAsync(int brandId, string text, int channelId)
    {
        var post = await _app.Get<ComposeService>().SubmitAsync(new ComposeRequest(brandId, text, [channelId], ComposeMode.Schedule, Due), _admin, CancellationToken.None);
        Assert.True(post.Succeeded, post.Error);
        return post.Value.Id;
    }

    private async Task<int> UploadAsync(int brandId)
    {
        using var image = new MemoryStream(TestImages.Png(20, 20 + brandId));
        var uploaded = await _app.Get<MediaUploadService>().UploadAsync(new MediaUpload(brandId, $"brand-{brandId}.png", "image/png", image), _admin, CancellationToken.None);
        Assert.True(uploaded.Succeeded, uploaded.Error);
        return uploaded.Value.Id;
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal("signed-in", await FormPoster.SignInAsync(client, email, TestUsers.Password));
        return client;
    }
}
