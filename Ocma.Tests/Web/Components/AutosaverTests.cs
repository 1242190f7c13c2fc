using Microsoft.Extensions.Time.Testing;
using Ocma.Web.Features.Compose;

namespace Ocma.Tests.Web.Components;

public sealed class AutosaverTests
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(1.5);
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public async Task Changed_SeveralTimesInAPause_SavesOnceAfterTheLastChange()
    {
        var saves = 0;
        var saved = new TaskCompletionSource();
        using var autosaver = new Autosaver(() => { saves++; saved.TrySetResult(); return Task.CompletedTask; }, Pause, _clock);

        autosaver.Changed();
        _clock.Advance(TimeSpan.FromSeconds(1));
        autosaver.Changed();
        _clock.Advance(TimeSpan.FromSeconds(1));
        autosaver.Changed();
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, saves);

        _clock.Advance(TimeSpan.FromSeconds(1));
        await saved.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, saves);
    }

    [Fact]
    public async Task Settle_WaitsForTheRunningSaveAndDropsTheWaitingOne()
    {
        var saves = 0;
        var started = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        using var autosaver = new Autosaver(async () => { saves++; started.TrySetResult(); await release.Task; }, Pause, _clock);
        autosaver.Changed();
        _clock.Advance(Pause);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        autosaver.Changed();
        var settled = autosaver.SettleAsync();
        Assert.False(settled.IsCompleted);
        release.SetResult();
        await settled.WaitAsync(TimeSpan.FromSeconds(10));
        _clock.Advance(Pause * 4);

        Assert.Equal(1, saves);
    }
}
