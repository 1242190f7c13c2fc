using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Ocma.Core.Identity;
using Ocma.Tests.Fakes.Bluesky;
using Ocma.Tests.Support;

namespace Ocma.Tests.Web;

/// <summary>
/// <c>/channels/{id}/reconnect</c>, behind every Reconnect link (Channels, Needs attention): Bluesky gets its handle and
/// app password form pre-filled with the channel's handle and server, never the OAuth start (an HTTP 400 page for it).
/// </summary>
public sealed class ReconnectEndpointTests : IAsyncLifetime
{
    private BlueskyFake _fake = null!;
    private OcmaAppFactory _app = null!;
    private Ocma.Core.Audit.Actor _admin = null!;

    public async Task InitializeAsync()
    {
        _fake = await BlueskyFake.StartAsync();
        _app = BlueskyChannels.App(_fake);
        _admin = await TestUsers.CreateAdminAsync(_app);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task Reconnect_Bluesky_OpensItsFormPrefilledWithHandleAndServer()
    {
        var channel = await BlueskyChannels.ConnectAsync(_app, _admin, _fake.BaseUrl.ToString());
        var client = await SignedInAsync(TestUsers.AdminEmail);

        var response = await client.GetAsync($"/channels/{channel.Id}/reconnect");
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(response.Headers.Location!.OriginalString));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/channels?reconnect={channel.Id}", response.Headers.Location.OriginalString);
        var option = page.QuerySelector(".connect-option[data-platform=bluesky]")!;
        Assert.Contains("Reconnect @team.bsky.social · Bluesky: enter a new app password.", option.TextContent, StringComparison.Ordinal);
        Assert.Equal(BlueskyFake.Team.Handle, option.QuerySelector("input[name=handle-bluesky]")!.GetAttribute("value"));
        Assert.Equal(_fake.BaseUrl.ToString(), option.QuerySelector("input[name=server-bluesky]")!.GetAttribute("value"));
        Assert.Equal(_fake.BaseUrl.Authority, page.QuerySelector($".channel-card[data-channel-id='{channel.Id}'] .channel-server")!.TextContent);
    }

    [Fact]
    public async Task Reconnect_OAuthPlatform_StartsItsConsentRoundTrip()
    {
        var channel = await SandboxChannels.ConnectAsync(_app, _admin);
        var client = await SignedInAsync(TestUsers.AdminEmail);

        var response = await client.GetAsync($"/channels/{channel.Id}/reconnect");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/oauth/sandbox/start", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Reconnect_Mastodon_StartsTheRoundTripOnTheChannelsOwnServer()
    {
        await using var mastodon = await Ocma.Tests.Fakes.Mastodon.MastodonFake.StartAsync();
        await using var app = new OcmaAppFactory(settings: MastodonChannels.Settings);
        var channel = await MastodonChannels.ConnectAsync(app, await TestUsers.CreateAdminAsync(app), mastodon);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal("signed-in", await FormPoster.SignInAsync(client, TestUsers.AdminEmail, TestUsers.Password));

        var response = await client.GetAsync($"/channels/{channel.Id}/reconnect");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/oauth/mastodon/start?instance={Uri.EscapeDataString(mastodon.BaseUrl.ToString())}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Reconnect_UnknownChannel_SaysSoInWords()
    {
        var client = await SignedInAsync(TestUsers.AdminEmail);

        var response = await client.GetAsync("/channels/4242/reconnect");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("That channel does not exist in this brand", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconnect_Viewer_IsNotLetThrough()
    {
        var channel = await BlueskyChannels.ConnectAsync(_app, _admin);
        await TestUsers.CreateAsync(_app, _admin, "viewer@ocma.test", Roles.Viewer);
        var client = await SignedInAsync("viewer@ocma.test");

        var response = await client.GetAsync($"/channels/{channel.Id}/reconnect");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal("signed-in", await FormPoster.SignInAsync(client, email, TestUsers.Password));
        return client;
    }
}
