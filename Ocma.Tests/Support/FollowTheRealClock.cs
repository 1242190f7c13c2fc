using Microsoft.Extensions.Time.Testing;

namespace Ocma.Tests.Support;

/// <summary>
/// Keeps a fake platform's clock on the real clock while a console process (which runs on the real clock) talks to it, so
/// the times it stamps on posts are the times the console's look-ups ask about.
/// </summary>
public sealed class FollowTheRealClock : IDisposable
{
    private readonly Timer _timer;

    public FollowTheRealClock(FakeTimeProvider clock)
    {
        clock.SetUtcNow(DateTimeOffset.UtcNow);
        _timer = new Timer(_ => Advance(clock), null, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(20));
    }

    public void Dispose() => _timer.Dispose();

    // Timer callbacks can overlap, and a fake clock refuses to go back (it throws, which would end the test run): one at a time.
    private void Advance(FakeTimeProvider clock)
    {
        lock (_timer)
        {
            var now = DateTimeOffset.UtcNow;
            if (now > clock.GetUtcNow())
            {
                clock.SetUtcNow(now);
            }
        }
    }
}
