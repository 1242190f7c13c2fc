namespace Ocma.Web.Hosting.Security;

/// <summary>
/// Recent failed sign-ins per account name, whether or not such an account exists. The sign-in page answers from this
/// alone (never from whether the account exists or Identity locked it), so an unknown address and a real one give the
/// same messages in the same order: "not right" four times, then "locked".
/// </summary>
public sealed class SignInFailures(TimeProvider time)
{
    public const int LockAfter = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    private const int MaxNames = 10_000;

    private readonly Dictionary<string, List<DateTimeOffset>> _failures = [];

    public bool LooksLocked(string account)
    {
        lock (_failures)
        {
            return Recent(LoginAttempt.Normalize(account)) >= LockAfter;
        }
    }

    public void Record(string account)
    {
        var name = LoginAttempt.Normalize(account);
        lock (_failures)
        {
            if (_failures.Count >= MaxNames)
            {
                Prune();
            }

            Recent(name);
            if (!_failures.TryGetValue(name, out var times))
            {
                _failures[name] = times = [];
            }

            times.Add(time.GetUtcNow());
        }
    }

    public void Clear(string account)
    {
        lock (_failures)
        {
            _failures.Remove(LoginAttempt.Normalize(account));
        }
    }

    private int Recent(string name)
    {
        if (!_failures.TryGetValue(name, out var times))
        {
            return 0;
        }

        var since = time.GetUtcNow() - Window;
        times.RemoveAll(t => t < since);
        return times.Count;
    }

    private void Prune()
    {
        foreach (var name in _failures.Keys.ToList())
        {
            if (Recent(name) == 0)
            {
                _failures.Remove(name);
            }
        }

        if (_failures.Count >= MaxNames)
        {
            _failures.Clear(); // a flood of made-up names: forget them rather than grow without bound
        }
    }
}
