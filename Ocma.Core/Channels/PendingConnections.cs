using System.Collections.Concurrent;
using Ocma.Core.Connectors;

namespace Ocma.Core.Channels;

/// <summary>
/// Accounts a grant offered when there were several (Facebook Pages, LinkedIn member and organizations), held in
/// memory for ten minutes while the person picks which to connect. They hold tokens, so they never leave the server.
/// </summary>
public sealed class PendingConnections(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, PendingConnection> _pending = new();

    public string Add(string userId, int brandId, string platformKey, IReadOnlyList<ConnectableAccount> accounts, string returnUrl)
    {
        foreach (var (key, stale) in _pending)
        {
            if (stale.ExpiresUtc < Now)
            {
                _pending.TryRemove(key, out _);
            }
        }

        var id = OAuthStateCodec.NewNonce();
        _pending[id] = new PendingConnection(userId, brandId, platformKey, accounts, returnUrl, Now + Lifetime);
        return id;
    }

    /// <summary>The person's own pending choice, if it has not expired.</summary>
    public PendingConnection? Find(string id, string userId) =>
        _pending.TryGetValue(id, out var pending) && pending.UserId == userId && pending.ExpiresUtc >= Now ? pending : null;

    public PendingConnection? Take(string id, string userId) =>
        Find(id, userId) is { } pending && _pending.TryRemove(id, out _) ? pending : null;

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}

public sealed record PendingConnection(string UserId, int BrandId, string PlatformKey, IReadOnlyList<ConnectableAccount> Accounts, string ReturnUrl, DateTime ExpiresUtc);
