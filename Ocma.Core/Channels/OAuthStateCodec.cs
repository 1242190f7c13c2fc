using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Ocma.Core.Secrets;

namespace Ocma.Core.Channels;

/// <summary>
/// Seals OAuth state into a protected string that expires on Ocma's clock and opens it once: a tampered, expired or replayed
/// state is refused.
/// </summary>
public sealed class OAuthStateCodec(IDataProtectionProvider dataProtection, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ExpiringProtector _protector = new(dataProtection.CreateProtector(ProtectionPurposes.OAuthState), time);

    private readonly ConcurrentDictionary<string, DateTime> _usedNonces = new();

    public string Seal(OAuthState state) =>
        _protector.Protect(JsonSerializer.Serialize(state), Lifetime);

    public OAuthState? Open(string sealedState)
    {
        OAuthState? state;
        try
        {
            state = _protector.Open(sealedState) is string json ? JsonSerializer.Deserialize<OAuthState>(json) : null;
        }
        catch (JsonException)
        {
            return null;
        }

        if (state is null)
        {
            return null;
        }

        ForgetExpiredNonces();
        return _usedNonces.TryAdd(state.Nonce, time.GetUtcNow().UtcDateTime + Lifetime) ? state : null;
    }

    public static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private void ForgetExpiredNonces()
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (nonce, until) in _usedNonces)
        {
            if (until < now)
            {
                _usedNonces.TryRemove(nonce, out _);
            }
        }
    }
}
