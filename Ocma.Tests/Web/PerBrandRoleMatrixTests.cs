using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Ocma.Core.Audit;
using Ocma.Core.Brands;
using Ocma.Core.Identity;
using Ocma.Core.Posts;
using Ocma.Tests.Support;

namespace Ocma.Tests.Web;

/// <summary>
/// The role matrix per brand: one person who is an Editor in brand A and a Viewer in brand B may do an Editor's work
/// while working in A and only read while working in B — in pages (over HTTP) and in the services behind them.
/// </summary>
public sealed class PerBrandRoleMatrixTests : IAsyncLifetime
{
    private const string Person = "split@example.com";
    private readonly OcmaAppFactory _app = new();
    private Actor _admin = default!;
    private int _brandA;
    private int _brandB;
    private string _personId = "";

    public async Task InitializeAsync()
    {
        _admin = await TestUsers.CreateAdminAsync(_app);
        _brandA = (await _app.Get<BrandService>().GetCurrentAsync(null, CancellationToken.None)).Id;
        _brandB = (await _app.Get<BrandAdminService>().CreateAsync("Brand B", "Europe/Berlin", _admin, CancellationToken.None)).Value.Id;
        var roles = new Dictionary<int, string> { [_brandA] = Roles.Editor, [_brandB] = Roles.Viewer };
        var created = await _app.Get<UserService>().CreateAsync(Person, TestUsers.Password, Roles.Editor, _admin, CancellationToken.None, roles);
        Assert.True(created.Succeeded, created.Error);
        _personId = created.Value.Id;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("A", "/compose", true)]
    [InlineData("A", "/import", true)]
    [InlineData("A", "/approvals", true)]
    [InlineData("A", "/oauth/sandbox/start", true)]
    [InlineData("A", "/admin/users", false)]
    [InlineData("B", "/compose", false)]
    [InlineData("B", "/import", false)]
    [InlineData("B", "/approvals", false)]
    [InlineData("B", "/oauth/sandbox/start", false)]
    [InlineData("B", "/admin/users", false)]
    [InlineData("B", "/calendar", true)]
    [InlineData("B", "/activity", true)]
    public async Task Page_FollowsTheRoleInTheBrandWorkedIn(string brand, string url, bool allowed)
    {
        await _app.Get<BrandService>().SwitchAsync(_personId, brand == "A" ? _brandA : _brandB, CancellationToken.None);
        var client = await SignedInAsync();

        var response = await client.GetAsync(url);

        var denied = response.StatusCode is HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Account/AccessDenied", StringComparison.Ordinal));
        Assert.True(allowed != denied, $"{url} in brand {brand}: {(int)response.StatusCode} {response.Headers.Location}");
    }

    [Fact]
    public async Task Services_TakeTheRoleInThePostsBrand_WhicheverBrandIsCurrent()
    {
        var channelA = await SandboxChannels.ConnectAsync(_app, _admin, "@alpha", _brandA);
        var channelB = await SandboxChannels.ConnectAsync(_app, _admin, "@bravo", _brandB);
        var person = (await _app.Get<ActorResolver>().ResolveAsync(_personId, Person, CancellationToken.None)).Actor;
        Assert.Equal([Roles.Editor], person.Roles); // working in A, their first brand

        var inA = await _app.Get<ComposeService>().SubmitAsync(new ComposeRequest(_brandA, "for A", [channelA.Id], ComposeMode.SaveDraft, null), person, CancellationToken.None);
        var inB = await _app.Get<ComposeService>().SubmitAsync(new ComposeRequest(_brandB, "for B", [channelB.Id], ComposeMode.SaveDraft, null), person, CancellationToken.None);

        Assert.True(inA.Succeeded, inA.Error);
        Assert.False(inB.Succeeded);
        Assert.Contains("cannot write posts", inB.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminChangesTheirBrands_TheirRolePerBrandFollows()
    {
        var memberships = _app.Get<MembershipService>();

        var changed = await memberships.SetAsync(_personId, new Dictionary<int, string> { [_brandB] = Roles.Contributor }, _admin, CancellationToken.None);
        var person = (await _app.Get<ActorResolver>().ResolveAsync(_personId, Person, CancellationToken.None)).Actor;

        Assert.True(changed.Succeeded, changed.Error);
        Assert.False(person.CanSee(_brandA));
        Assert.Equal([Roles.Contributor], person.Roles);
        Assert.False((await memberships.SetAsync(_personId, new Dictionary<int, string>(), _admin, CancellationToken.None)).Succeeded);
        Assert.False((await memberships.SetAsync(_personId, new Dictionary<int, string> { [_brandA] = Roles.Admin }, _admin, CancellationToken.None)).Succeeded);
        Assert.False((await memberships.SetAsync(_personId, new Dictionary<int, string> { [_brandA] = Roles.Editor }, person, CancellationToken.None)).Succeeded);
    }

    [Fact]
    public async Task Invite_NamesTheBrandsAndTheRoleInEach()
    {
        var invites = _app.Get<InviteService>();

        var invited = await invites.InviteAsync("new@example.com", Roles.Contributor, _admin, CancellationToken.None, new Dictionary<int, string> { [_brandB] = Roles.Contributor });
        var wrong = await invites.InviteAsync("other@example.com", Roles.Editor, _admin, CancellationToken.None, new Dictionary<int, string> { [_brandA] = "Owner" });

        Assert.True(invited.Succeeded, invited.Error);
        Assert.Equal(new Dictionary<int, string> { [_brandB] = Roles.Contributor }, await _app.Get<MembershipService>().ListAsync(invited.Value.UserId, CancellationToken.None));
        Assert.Equal("'Owner' is not a role within a brand. Choose Editor, Contributor or Viewer.", wrong.Error);
        Assert.Null(await TestUsers.FindAsync(_app, "other@example.com"));
    }

    private async Task<HttpClient> SignedInAsync()
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal("signed-in", await FormPoster.SignInAsync(client, Person, TestUsers.Password));
        return client;
    }
}
