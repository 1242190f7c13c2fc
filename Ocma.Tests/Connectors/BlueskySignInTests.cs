using Microsoft.Extensions.DependencyInjection;
using Ocma.Connectors.Bluesky;
using Ocma.Core.Connectors;
using Ocma.Tests.Fakes.Bluesky;
using static Ocma.Tests.Connectors.ConnectorHarness;

namespace Ocma.Tests.Connectors;

/// <summary>
/// Connecting Bluesky on any server: the one a person names, or the one the handle's identity names (the entryway
/// resolves the handle; the PLC directory or the did:web domain gives the server). Revoked app passwords and
/// deactivated accounts answered as the reference PDS answers them.
/// </summary>
public sealed class BlueskySignInTests : IAsyncLifetime
{
    private BlueskyFake _entryway = null!;
    private BlueskyFake _pds = null!;
    private ServiceProvider _services = null!;
    private BlueskyConnector _connector = null!;

    public async Task InitializeAsync()
    {
        // The entryway (bsky.social's role) resolves handles and plays the PLC directory; the accounts live on _pds.
        _entryway = await BlueskyFake.StartAsync();
        _pds = await BlueskyFake.StartAsync();
        _entryway.PdsInDidDocuments = _pds.BaseUrl;
        _services = Services(_pds.Clock, new Dictionary<string, string?>
        {
            ["Connectors:Bluesky:DefaultServiceUrl"] = _entryway.BaseUrl.ToString(),
            ["Connectors:Bluesky:PlcDirectoryUrl"] = _entryway.PlcDirectoryUrl.ToString(),
            ["Connectors:Bluesky:AllowHttpServices"] = "true",
            ["Connectors:Bluesky:SafeRetryDelay"] = "00:00:00.010",
        }, (s, c) => s.AddBlueskyConnector(c));
        _connector = _services.GetRequiredService<BlueskyConnector>();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _entryway.DisposeAsync();
        await _pds.DisposeAsync();
    }

    [Fact]
    public async Task Connect_ServerGiven_SignsInThereAndNowhereElse()
    {
        var result = await _connector.ConnectWithPasswordAsync(BlueskyFake.Team.Handle, BlueskyFake.Team.AppPassword, _pds.BaseUrl.ToString(), default);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(_pds.BaseUrl.ToString(), Assert.Single(result.Value.Accounts).Credentials.InstanceUrl);
        Assert.Single(_pds.Journal.Matching("POST", "/xrpc/com.atproto.server.createSession"));
        Assert.Empty(_entryway.Journal.Entries);
    }

    [Fact]
    public async Task Connect_NoServer_ResolvesTheHandleThroughThePlcDirectory()
    {
        var result = await _connector.ConnectWithPasswordAsync("@" + BlueskyFake.Team.Handle, BlueskyFake.Team.AppPassword, "  ", default);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(_pds.BaseUrl.ToString(), Assert.Single(result.Value.Accounts).Credentials.InstanceUrl);
        Assert.Single(_entryway.Journal.Matching("GET", "/xrpc/com.atproto.identity.resolveHandle"));
        Assert.Single(_entryway.Journal.Matching("GET", "/plc/" + BlueskyFake.Team.Did));
        Assert.Empty(_entryway.Journal.Matching("POST", "/xrpc/com.atproto.server.createSession"));
        Assert.Single(_pds.Journal.Matching("POST", "/xrpc/com.atproto.server.createSession"));
    }

    [Fact]
    public async Task Connect_NoServer_DidWebAccount_ReadsTheDomainsOwnDocument()
    {
        var self = _pds.AddWebAccount("self.example.test", "self-host-pass-word");
        _entryway.AddAccount(self); // so the entryway can resolve the handle

        var result = await _connector.ConnectWithPasswordAsync(self.Handle, self.AppPassword, null, default);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(self.Did, Assert.Single(result.Value.Accounts).AccountId);
        Assert.Single(_pds.Journal.Matching("GET", "/.well-known/did.json"));
        Assert.Empty(_entryway.Journal.Matching("GET", "/plc/"));
        Assert.Single(_pds.Journal.Matching("POST", "/xrpc/com.atproto.server.createSession"));
    }

    [Fact]
    public async Task Connect_UnknownHandle_SaysWhatToDoAndSignsInNowhere()
    {
        var result = await _connector.ConnectWithPasswordAsync("nobody.example.test", BlueskyFake.Team.AppPassword, null, default);

        AssertFailed(result, FailureKind.Rejected);
        Assert.Equal("Bluesky could not find the handle nobody.example.test: check it, or enter your server's address.", result.Failure!.Message);
        Assert.Empty(_pds.Journal.Entries);
    }

    [Theory]
    [InlineData("ftp://pds.example.com")]
    [InlineData("https://")]
    [InlineData("not a server")]
    public async Task Connect_UnusableServer_NamesWhatWasTyped(string server)
    {
        var result = await _connector.ConnectWithPasswordAsync(BlueskyFake.Team.Handle, BlueskyFake.Team.AppPassword, server, default);

        AssertFailed(result, FailureKind.Rejected);
        Assert.StartsWith($"'{server}' is not a Bluesky server address", result.Failure!.Message, StringComparison.Ordinal);
        Assert.Empty(_pds.Journal.Entries);
    }

    [Fact]
    public async Task RevokedAppPassword_AccessWorksUntilRefresh_ThenRefreshIsRefused_AndItSignsInNoMore()
    {
        var credentials = await ConnectAsync();
        _pds.RevokeAppPassword(BlueskyFake.Team, BlueskyFake.Team.AppPassword);

        var stillPosts = await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("Before the refresh"), "revoke-1"), default);
        _pds.Clock.Advance(TimeSpan.FromHours(2));
        var refresh = await _connector.RefreshAsync(new RefreshRequest(credentials, null), default);
        var again = await _connector.ConnectWithPasswordAsync(BlueskyFake.Team.Handle, BlueskyFake.Team.AppPassword, _pds.BaseUrl.ToString(), default);
        var fresh = await _connector.ConnectWithPasswordAsync(BlueskyFake.Team.Handle, _pds.NewAppPassword(BlueskyFake.Team), _pds.BaseUrl.ToString(), default);

        Assert.True(stillPosts.Succeeded, stillPosts.Failure?.Message);
        AssertFailed(refresh, FailureKind.AuthRevoked);
        Assert.Equal("ExpiredToken", refresh.Failure!.PlatformCode);
        Assert.Contains("reconnect it with a new app password", refresh.Failure.Message, StringComparison.Ordinal);
        AssertFailed(again, FailureKind.Rejected);
        Assert.True(fresh.Succeeded, fresh.Failure?.Message);
    }

    [Fact]
    public async Task DeactivatedAccount_WritesAreRefusedInWords_AndItCannotBeConnected()
    {
        var credentials = await ConnectAsync();
        _pds.Deactivate(BlueskyFake.Team);

        var publish = await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("Deactivated"), "deactivated-1"), default);
        var probe = await _connector.ProbeHealthAsync(credentials, default);
        var connect = await _connector.ConnectWithPasswordAsync(BlueskyFake.Team.Handle, BlueskyFake.Team.AppPassword, _pds.BaseUrl.ToString(), default);

        AssertFailed(publish, FailureKind.AuthRevoked);
        Assert.Equal("AccountDeactivated", publish.Failure!.PlatformCode);
        Assert.Contains("deactivated", publish.Failure.Message, StringComparison.Ordinal);
        AssertFailed(probe, FailureKind.AuthRevoked);
        AssertFailed(connect, FailureKind.Rejected);
        Assert.Contains("deactivated", connect.Failure!.Message, StringComparison.Ordinal);
        Assert.Empty(_pds.Records);
    }

    private async Task<ChannelCredentials> ConnectAsync()
    {
        var result = await _connector.ConnectWithPasswordAsync(BlueskyFake.Team.Handle, BlueskyFake.Team.AppPassword, null, default);
        Assert.True(result.Succeeded, result.Failure?.Message);
        return Assert.Single(result.Value.Accounts).Credentials;
    }
}
