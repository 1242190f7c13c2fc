using Microsoft.AspNetCore.Identity;
using Ocma.Core.Identity;

namespace Ocma.Web.Hosting.Security;

/// <summary>
/// Spends one password-hash check on a sign-in for an address that has no account, as a real account's check does,
/// so how long the answer takes does not tell whether the account exists.
/// </summary>
public sealed class UnknownAccountDecoy(IPasswordHasher<OcmaUser> hasher)
{
    private static readonly OcmaUser Nobody = new();
    private static string? _decoyHash;

    public void Spend(string password)
    {
        _decoyHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(Nobody, _decoyHash, password);
    }
}
