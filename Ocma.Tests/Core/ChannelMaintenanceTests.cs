using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ocma.Core.Channels;
using Ocma.Core.Data;
using Ocma.Core.Sandbox;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core;

/// <summary>The background upkeep of channels: grants refreshed before they expire, health probed and recorded.</summary>
public sealed class ChannelMaintenanceTests : IAsyncLifetime
{
    // Sandbox tokens that live 5 minutes fall inside the refresher's 15-minute window at once.
    private readonly OcmaAppFactory _app = new(settings: new Dictionary<string, string?> { ["Sandbox:AccessTokenLifetime"] = "00:05:00" });
    private ChannelSummary _channel = default!;

    public async Task InitializeAsync() => _channel = await SandboxChannels.ConnectAsync(_app, await TestUsers.CreateAdminAsync(_app));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task RefreshExpiring_GrantNearExpiry_IsRotatedAndTheOldRefreshTokenStopsWorking()
    {
        var before = await GrantAsync();

        var refreshed = await _app.Get<GrantRefreshService>().RefreshExpiringAsync(CancellationToken.None);

        var after = await GrantAsync();
        Assert.Equal(1, refreshed);
        Assert.NotEqual(before.AccessToken, after.AccessToken);
        Assert.True(after.AccessTokenExpiresUtc > before.AccessTokenExpiresUtc);
        Assert.Equal("invalid_grant", (await _app.Get<SandboxAuthServer>().RefreshAsync(before.RefreshToken!, CancellationToken.None)).Error?.Code);
    }

    [Fact]
    public async Task RefreshExpiring_WhenThePlatformRefuses_MarksTheChannelForReconnectWithTheReason()
    {
        await RevokeOnPlatformAsync();

        await _app.Get<GrantRefreshService>().RefreshExpiringAsync(CancellationToken.None);

        var channel = (await _app.Get<ChannelService>().ListAsync(1, CancellationToken.None)).Single();
        Assert.Equal(ChannelStatus.NeedsReconnect, channel.Status);
        Assert.Contains("Refreshing access failed", channel.StatusReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_HealthyChannel_RecordsLatencyAndSuccess()
    {
        var health = await _app.Get<ChannelHealthService>().ProbeAsync(_channel.Id, CancellationToken.None);

        Assert.NotNull(health);
        Assert.True(health!.Healthy, health.Problem);
        Assert.NotNull(health.LatencyMs);
        Assert.Equal(health.CheckedUtc, health.LastSuccessUtc);
        Assert.True((await _app.Get<ChannelHealthService>().ForBrandAsync(1, CancellationToken.None)).ContainsKey(_channel.Id));
    }

    [Fact]
    public async Task Probe_RevokedAccess_RecordsTheProblemAndAsksForReconnect()
    {
        await RevokeOnPlatformAsync();

        var health = await _app.Get<ChannelHealthService>().ProbeAsync(_channel.Id, CancellationToken.None);

        Assert.False(health!.Healthy);
        Assert.Contains("reconnect", health.Problem, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ChannelStatus.NeedsReconnect, (await _app.Get<ChannelService>().ListAsync(1, CancellationToken.None)).Single().Status);
    }

    private async Task<Ocma.Core.Connectors.ChannelCredentials> GrantAsync()
    {
        await using var db = await _app.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        return _app.Get<GrantProtector>().Unprotect((await db.Channels.SingleAsync(c => c.Id == _channel.Id)).ProtectedGrant);
    }

    private async Task RevokeOnPlatformAsync()
    {
        var accountId = int.Parse((await GrantAsync()).AccountId, CultureInfo.InvariantCulture);
        await _app.Get<SandboxAuthServer>().RevokeAllAsync(accountId, CancellationToken.None);
    }
}
