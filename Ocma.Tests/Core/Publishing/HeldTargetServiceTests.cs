using Ocma.Core.Channels;
using Ocma.Core.Connectors;
using Ocma.Core.Posts;
using Ocma.Core.Sandbox;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core.Publishing;

public sealed class HeldTargetServiceTests : IAsyncLifetime
{
    private PublishingHarness _harness = default!;

    public async Task InitializeAsync() => _harness = await PublishingHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task ResumeAfterReconnect_HeldForRevokedAccess_PublishesItOnce()
    {
        var held = await _harness.FailedAsync("Held until we reconnect", SandboxFailureMode.Revoked);
        Assert.Equal(TargetState.NeedsAttention, held.State);
        Assert.Contains("reconnected", held.LastError, StringComparison.Ordinal);
        Assert.Equal(FailureKind.AuthRevoked, (await _harness.StoredAsync(held.TargetId)).LastFailureKind);

        var reconnected = await SandboxChannels.ConnectAsync(_harness.App, _harness.Admin);

        Assert.Equal(_harness.Channel.Id, reconnected.Id);
        var published = await _harness.WaitForTargetAsync(held.PostId, s => s == TargetState.Published);
        Assert.Equal(1, await _harness.FeedCountAsync("Held until we reconnect"));
        Assert.Equal(1, await _harness.AuditCountAsync("target.resumed", held.TargetId));
        Assert.Null((await _harness.StoredAsync(published.TargetId)).LastFailureKind);
    }

    [Fact]
    public async Task ResumeAfterReconnect_OutcomeUnknownOnTheSameChannel_StaysForAPerson()
    {
        var unknown = await _harness.OutcomeUnknownAsync("Maybe it went out");
        var held = await _harness.FailedAsync("Held for the reconnect", SandboxFailureMode.Revoked);
        Assert.Equal(FailureKind.OutcomeUnknown, (await _harness.StoredAsync(unknown)).LastFailureKind);

        await SandboxChannels.ConnectAsync(_harness.App, _harness.Admin);

        await _harness.WaitForTargetAsync(held.PostId, s => s == TargetState.Published);
        var stillUnknown = await _harness.StoredAsync(unknown);
        Assert.Equal(TargetState.NeedsAttention, stillUnknown.State);
        Assert.Equal(FailureKind.OutcomeUnknown, stillUnknown.LastFailureKind);
        Assert.Equal(0, await _harness.FeedCountAsync("Maybe it went out"));
        Assert.Equal(0, await _harness.AuditCountAsync("target.resumed", unknown));
    }

    [Fact]
    public async Task ResumeAfterReconnect_AnotherChannelReconnects_LeavesTheHeldPostAlone()
    {
        var held = await _harness.FailedAsync("Held on the first channel", SandboxFailureMode.Revoked);

        await SandboxChannels.ConnectAsync(_harness.App, _harness.Admin, "@other");
        await Task.Delay(1500);

        Assert.Equal(TargetState.NeedsAttention, (await _harness.StoredAsync(held.TargetId)).State);
        Assert.Equal(0, await _harness.FeedCountAsync("Held on the first channel"));
        Assert.Equal(ChannelStatus.NeedsReconnect, (await _harness.App.Get<ChannelService>().ListAsync(1, CancellationToken.None)).Single(c => c.Id == _harness.Channel.Id).Status);
    }
}
