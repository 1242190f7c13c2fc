using Microsoft.Extensions.DependencyInjection;
using Ocma.Connectors.LinkedIn;
using Ocma.Core.Connectors;
using Ocma.Tests.Fakes.LinkedIn;
using static Ocma.Tests.Connectors.ConnectorHarness;

namespace Ocma.Tests.Connectors;

public sealed class LinkedInConnectorTests : IAsyncLifetime
{
    private const string OrganizationScopes = "openid profile email w_member_social w_organization_social rw_organization_admin";
    private static readonly PlatformApp App = new(LinkedInFake.ClientId, LinkedInFake.ClientSecret);
    private readonly List<ServiceProvider> _providers = [];
    private LinkedInFake _fake = null!;
    private LinkedInConnector _connector = null!;

    public async Task InitializeAsync()
    {
        _fake = await LinkedInFake.StartAsync();
        _connector = Connector();
    }

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task ExchangeCodeAsync_MemberScopes_ReturnsTheMemberAsAuthor()
    {
        var accounts = await ConnectAsync(_connector);

        var member = Assert.Single(accounts);
        Assert.Equal("urn:li:person:" + LinkedInFake.MemberId, member.AccountId);
        Assert.Equal(_fake.Clock.GetUtcNow().UtcDateTime.AddDays(60), member.Credentials.AccessTokenExpiresUtc);
        Assert.Null(member.Credentials.RefreshToken);
    }

    [Fact]
    public async Task ExchangeCodeAsync_OrganizationScopes_ReturnsMemberAndOnlyPagesWithAPostingRole()
    {
        var accounts = await ConnectAsync(Connector(scopes: OrganizationScopes));

        Assert.Equal(["urn:li:person:" + LinkedInFake.MemberId, LinkedInFake.OrganizationUrn], accounts.Select(a => a.AccountId));
        Assert.Equal("Ocma Inc.", accounts[1].DisplayName);
    }

    [Fact]
    public async Task ExchangeCodeAsync_ReplayedCode_IsRefused()
    {
        var code = await ConsentAsync(_connector);
        Assert.True((await _connector.ExchangeCodeAsync(new CodeExchange(code, RedirectUri, string.Empty, App), default)).Succeeded);

        AssertFailed(await _connector.ExchangeCodeAsync(new CodeExchange(code, RedirectUri, string.Empty, App), default), FailureKind.Rejected);
    }

    [Fact]
    public async Task RefreshAsync_AppNotApprovedForRefresh_NeedsReconnectWithoutCallingLinkedIn()
    {
        var credentials = (await ConnectAsync(_connector))[0].Credentials;

        AssertFailed(await _connector.RefreshAsync(new RefreshRequest(credentials, App), default), FailureKind.AuthRevoked);
        Assert.Equal(1, _fake.Journal.Count("POST", "/oauth/v2/accessToken"));
    }

    [Fact]
    public async Task RefreshAsync_RefreshEnabledApp_RenewsUntilTheFixedYearRunsOut()
    {
        _fake.RefreshEnabled = true;
        var credentials = (await ConnectAsync(_connector))[0].Credentials;
        _fake.Clock.Advance(TimeSpan.FromDays(300));

        var renewed = await _connector.RefreshAsync(new RefreshRequest(credentials, App), default);
        _fake.Clock.Advance(TimeSpan.FromDays(66));
        var afterYear = await _connector.RefreshAsync(new RefreshRequest(renewed.Value, App), default);

        Assert.Equal(_fake.Clock.GetUtcNow().UtcDateTime.AddDays(-66).AddDays(60), renewed.Value.AccessTokenExpiresUtc);
        AssertFailed(afterYear, FailureKind.AuthRevoked);
    }

    [Fact]
    public async Task PublishAsync_TextWithReservedCharacters_ArrivesWhole_UrnFromHeader()
    {
        var credentials = (await ConnectAsync(_connector))[0].Credentials;
        const string text = "Q&A (live) at 5pm — #Launch day! Write to a_b@ocma.example [soon] *bold* ~ok~ {x|y} <3 \\o/";

        var result = await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly(text), "k1"), default);

        Assert.True(result.Succeeded, result.Failure?.Message);
        var post = Assert.Single(_fake.Posts);
        Assert.Equal(post.Urn, result.Value.PlatformPostId);
        Assert.Equal(text, post.RenderedText);
        var sent = Assert.Single(_fake.Journal.Matching("POST", "/rest/posts"));
        Assert.Equal("202601", sent.Header("LinkedIn-Version"));
        Assert.Equal("2.0.0", sent.Header("X-Restli-Protocol-Version"));
    }

    [Fact]
    public async Task PublishAsync_AsOrganization_PostsWithThePageAsAuthor()
    {
        var connector = Connector(scopes: OrganizationScopes);
        var page = (await ConnectAsync(connector))[1];

        var result = await connector.PublishAsync(new PublishRequest(page.Credentials, PostContent.TextOnly("From the page"), "k2"), default);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(LinkedInFake.OrganizationUrn, Assert.Single(_fake.Posts).Author);
    }

    [Fact]
    public async Task PublishAsync_Image_UploadsInOnePutAndWaitsUntilAvailable()
    {
        var credentials = (await ConnectAsync(_connector))[0].Credentials;
        _fake.ImageProcessingPolls = 2;

        var result = await _connector.PublishAsync(new PublishRequest(credentials, new PostContent("Photo", [Image()]), "k3"), default);

        Assert.True(result.Succeeded, result.Failure?.Message);
        var put = Assert.Single(_fake.Journal.Matching("PUT", "/dms-uploads/"));
        Assert.Equal("2048", put.Header("Content-Length"));
        Assert.StartsWith("Bearer ", put.Header("Authorization"), StringComparison.Ordinal);
        Assert.Equal(3, _fake.Journal.Matching("GET", "/rest/images/").Count);
        Assert.Single(Assert.Single(_fake.Posts).Images);
    }

    [Fact]
    public async Task PublishAsync_RetiredApiVersion_IsMisconfiguredAndNamesTheSetting()
    {
        var connector = Connector(version: "202301");
        var credentials = (await ConnectAsync(connector))[0].Credentials;

        var result = await connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("Hi"), "k4"), default);

        AssertFailed(result, FailureKind.Misconfigured);
        Assert.Contains("Connectors:LinkedIn:ApiVersion", result.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_ExpiredToken_IsAuthExpired_RevokedIsAuthRevoked()
    {
        var credentials = (await ConnectAsync(_connector))[0].Credentials;
        var other = (await ConnectAsync(_connector))[0].Credentials;
        _fake.Revoke(other.AccessToken);

        var revoked = await _connector.PublishAsync(new PublishRequest(other, PostContent.TextOnly("Hi"), "k5"), default);
        _fake.Clock.Advance(TimeSpan.FromDays(60));
        var expired = await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("Hi"), "k5"), default);

        AssertFailed(revoked, FailureKind.AuthRevoked);
        AssertFailed(expired, FailureKind.AuthExpired);
    }

    [Fact]
    public async Task PublishAsync_DailyQuotaUsed_IsRateLimitedUntilMidnightUtc()
    {
        var credentials = (await ConnectAsync(_connector))[0].Credentials;
        _fake.DailyPostLimit = 1;
        await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("One"), "k6"), default);

        var limited = await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("Two"), "k7"), default);
        _fake.Clock.Advance(TimeSpan.FromHours(12));
        var nextDay = await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("Two"), "k7"), default);

        AssertFailed(limited, FailureKind.RateLimited);
        Assert.Equal(TimeSpan.FromHours(12), limited.Failure!.RetryAfter);
        Assert.True(nextDay.Succeeded, nextDay.Failure?.Message);
    }

    [Fact]
    public async Task PublishAsync_SameCommentaryAgain_IsRejectedAsDuplicate()
    {
        var credentials = (await ConnectAsync(_connector))[0].Credentials;
        await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("Same"), "k8"), default);

        var again = await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("Same"), "k9"), default);

        AssertFailed(again, FailureKind.Rejected);
        Assert.Equal("duplicate", again.Failure!.PlatformCode);
    }

    [Theory]
    [InlineData(503, FailureKind.Unavailable)]
    [InlineData(504, FailureKind.Transient)]
    public async Task PublishAsync_ServerError_IsClassifiedAndNotRetried(int status, FailureKind expected)
    {
        var credentials = (await ConnectAsync(_connector))[0].Credentials;
        _fake.Faults.Next("POST", "/rest/posts", c => Microsoft.AspNetCore.Http.Results.Json(new { status, message = "Internal error" }, statusCode: status).ExecuteAsync(c));

        AssertFailed(await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("Hi"), "k10"), default), expected);
        Assert.Equal(1, _fake.Journal.Count("POST", "/rest/posts"));
    }

    [Fact]
    public async Task LookupAsync_WithoutTheReadPermission_SaysOcmaCannotCheck_NeverAMiss()
    {
        var credentials = (await ConnectAsync(_connector))[0].Credentials; // the default scopes: posting only
        await _connector.PublishAsync(new PublishRequest(credentials, PostContent.TextOnly("Sent"), "k20"), default);

        var lookup = await _connector.LookupAsync(new LookupRequest(credentials, PostContent.TextOnly("Sent"), "k20", _fake.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1)), default);

        AssertFailed(lookup, FailureKind.Misconfigured);
        Assert.Equal("the LinkedIn connection lacks the r_member_social read permission, which LinkedIn grants only to approved partner apps (an approved app adds it to Connectors:LinkedIn:Scopes)", lookup.Failure!.Message);
        Assert.Equal(1, _fake.Journal.Count("GET", "/rest/posts"));
    }

    [Fact]
    public void BuildAuthorizationUrl_PagePosting_AlsoAsksToReadThePagesPosts()
    {
        var url = Connector(scopes: OrganizationScopes).BuildAuthorizationUrl(new AuthorizationStart(RedirectUri, "s", string.Empty, App));

        var scopes = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(url.Query)["scope"].ToString().Split(' ');
        Assert.Contains("r_organization_social", scopes);
        Assert.DoesNotContain("r_member_social", scopes); // LinkedIn grants it only to approved partners: asking would fail the consent
    }

    [Fact]
    public async Task PageConnectedBeforeOcmaAskedToRead_LookupSaysReconnect_AndHealthNamesTheMissingPermission()
    {
        var connector = Connector(scopes: OrganizationScopes);
        var url = connector.BuildAuthorizationUrl(new AuthorizationStart(RedirectUri, "li-state", string.Empty, App)).AbsoluteUri;
        var before = new Uri(url.Replace("%20r_organization_social", string.Empty, StringComparison.Ordinal).Replace("+r_organization_social", string.Empty, StringComparison.Ordinal));
        Assert.NotEqual(url, before.AbsoluteUri);
        var consent = await ConnectorHarness.ConsentAsync(before);
        var exchanged = await connector.ExchangeCodeAsync(new CodeExchange(consent.Code!, RedirectUri, string.Empty, App), default);
        var page = exchanged.Value.Accounts.Single(a => a.AccountId == LinkedInFake.OrganizationUrn).Credentials;

        var lookup = await connector.LookupAsync(new LookupRequest(page, PostContent.TextOnly("Anything"), "k22", _fake.Clock.GetUtcNow().UtcDateTime), default);
        var health = await connector.ProbeHealthAsync(page, default);

        AssertFailed(lookup, FailureKind.Misconfigured);
        Assert.Equal("the LinkedIn connection lacks the r_organization_social read permission (it was connected before Ocma asked for it): reconnect the channel to grant it", lookup.Failure!.Message);
        Assert.Equal(["r_organization_social"], health.Value.MissingScopes);
    }

    [Fact]
    public async Task LookupAsync_PageWithTheReadPermission_FindsThePost()
    {
        var connector = Connector(scopes: OrganizationScopes + " r_organization_social");
        var page = (await ConnectAsync(connector))[1];
        await connector.PublishAsync(new PublishRequest(page.Credentials, PostContent.TextOnly("From the page (again)"), "k21"), default);

        var lookup = await connector.LookupAsync(new LookupRequest(page.Credentials, PostContent.TextOnly("From the page (again)"), "k21", _fake.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1)), default);

        Assert.Equal(Assert.Single(_fake.Posts).Urn, lookup.Value?.PlatformPostId);
    }

    [Fact]
    public async Task PublishAsync_ConnectionDroppedAfterCommit_IsOutcomeUnknown_LookupFindsTheOnePost()
    {
        var partner = Connector(scopes: "openid profile email w_member_social r_member_social"); // an app LinkedIn approved to read members' posts
        var credentials = (await ConnectAsync(partner))[0].Credentials;
        var content = PostContent.TextOnly("Big news (really) #launch");
        var sentAt = _fake.Clock.GetUtcNow().UtcDateTime;
        _fake.DropAfterCommitNext = true;

        var result = await partner.PublishAsync(new PublishRequest(credentials, content, "k11"), default);
        var lookup = await partner.LookupAsync(new LookupRequest(credentials, content, "k11", sentAt), default);
        var unrelated = await partner.LookupAsync(new LookupRequest(credentials, PostContent.TextOnly("Other"), "k12", sentAt), default);

        AssertFailed(result, FailureKind.OutcomeUnknown);
        Assert.Equal(Assert.Single(_fake.Posts).Urn, lookup.Value!.PlatformPostId);
        Assert.Null(unrelated.Value);
        Assert.Equal(1, _fake.Journal.Count("POST", "/rest/posts"));
    }

    [Fact]
    public void Validate_OverThreeThousand_SaysHowMuchToCut()
    {
        var result = _connector.Validate(PostContent.TextOnly(new string('a', 3005)));

        Assert.Equal("Shorten the text by 5 characters: LinkedIn allows 3000.", Assert.Single(result.Problems));
    }

    private LinkedInConnector Connector(string? scopes = null, string version = "202601")
    {
        var provider = Services(_fake.Clock, new Dictionary<string, string?>
        {
            ["Connectors:LinkedIn:AuthBaseUrl"] = _fake.BaseUrl.ToString(),
            ["Connectors:LinkedIn:ApiBaseUrl"] = _fake.BaseUrl.ToString(),
            ["Connectors:LinkedIn:ApiVersion"] = version,
            ["Connectors:LinkedIn:Scopes"] = scopes ?? "openid profile email w_member_social",
            ["Connectors:LinkedIn:ImagePollInterval"] = "00:00:00.010",
            ["Connectors:LinkedIn:SafeRetryDelay"] = "00:00:00.010",
        }, (s, c) => s.AddLinkedInConnector(c));
        _providers.Add(provider);
        return provider.GetRequiredService<LinkedInConnector>();
    }

    private static async Task<string> ConsentAsync(LinkedInConnector connector)
    {
        var url = connector.BuildAuthorizationUrl(new AuthorizationStart(RedirectUri, "li-state", string.Empty, App));
        var consent = await ConnectorHarness.ConsentAsync(url);
        Assert.Equal("li-state", consent.State);
        return consent.Code!;
    }

    private static async Task<IReadOnlyList<ConnectableAccount>> ConnectAsync(LinkedInConnector connector)
    {
        var result = await connector.ExchangeCodeAsync(new CodeExchange(await ConsentAsync(connector), RedirectUri, string.Empty, App), default);
        Assert.True(result.Succeeded, result.Failure?.Message);
        return result.Value.Accounts;
    }
}
