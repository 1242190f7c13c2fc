using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Ocma.Core.Secrets;

/// <summary>
/// Protects a payload together with its expiry, both read from Ocma's own <see cref="TimeProvider"/>.
/// Data Protection's time-limited protector checks expiry against the system clock, which would mix two clocks
/// (an expiry stamped by the injected clock, checked by the machine's): this one seals and opens on the same clock.
/// </summary>
public sealed class ExpiringProtector(IDataProtector protector, TimeProvider time)
{
    public string Protect(string payload, TimeSpan lifetime)
    {
        var expires = (time.GetUtcNow() + lifetime).UtcTicks.ToString(CultureInfo.InvariantCulture);
        return protector.Protect(expires + "|" + payload);
    }

    /// <summary>The payload, or null when the token is tampered with, expired, or not a token at all.</summary>
    public string? Open(string token)
    {
        string sealedText;
        try
        {
            sealedText = protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var separator = sealedText.IndexOf('|', StringComparison.Ordinal);
        if (separator < 0 || !long.TryParse(sealedText.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var expiresTicks))
        {
            return null;
        }

        return expiresTicks > time.GetUtcNow().UtcTicks ? sealedText[(separator + 1)..] : null;
    }
}
