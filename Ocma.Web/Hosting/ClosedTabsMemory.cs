using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Ocma.Web.Hosting;

/// <summary>
/// Gives the memory of closed console tabs back to the machine. The runtime collects only when something allocates, so
/// after many tabs close an idle console kept their memory indefinitely (ADR 0022). Once at least
/// <see cref="ClosuresWorthCollecting"/> circuits have closed and no circuit has opened or closed for
/// <see cref="QuietPeriod"/>, one compacting collection returns the freed memory.
/// </summary>
public sealed class ClosedTabsMemory(TimeProvider time, ILogger<ClosedTabsMemory> logger) : CircuitHandler, IDisposable
{
    public const int ClosuresWorthCollecting = 10;
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(30);

    private readonly object _gate = new();
    private ITimer? _quiet;
    private int _open;
    private int _closedSinceCollect;

    /// <summary>Collections run so far (for the tests).</summary>
    public int Collections { get; private set; }

    public int Open => Volatile.Read(ref _open);

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _open);
        RestartQuietPeriod();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Decrement(ref _open);
        Interlocked.Increment(ref _closedSinceCollect);
        RestartQuietPeriod();
        return Task.CompletedTask;
    }

    public void Dispose() => _quiet?.Dispose();

    private void RestartQuietPeriod()
    {
        lock (_gate)
        {
            _quiet ??= time.CreateTimer(_ => CollectIfWorthIt(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _quiet.Change(QuietPeriod, Timeout.InfiniteTimeSpan);
        }
    }

    private void CollectIfWorthIt()
    {
        var closed = Interlocked.Exchange(ref _closedSinceCollect, 0);
        if (closed < ClosuresWorthCollecting)
        {
            Interlocked.Add(ref _closedSinceCollect, closed); // not yet: keep counting
            return;
        }

        var before = GC.GetTotalMemory(false);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        Collections++;
        logger.LogInformation("{Closed} console tabs closed; returned their memory ({BeforeMb} MB managed before, {AfterMb} MB after, {Open} tabs open)",
            closed, before / 1_048_576, GC.GetTotalMemory(false) / 1_048_576, Open);
    }
}
