using System.Security.Cryptography;
using System.Text;

namespace Ocma.Connectors.Shared;

/// <summary>PKCE (RFC 7636) with the S256 method.</summary>
public static class Pkce
{
    /// <summary>A new random verifier: 43 URL-safe characters.</summary>
    public static string CreateVerifier() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The S256 challenge for a verifier: base64url(SHA-256(ASCII(verifier))).</summary>
    public static string ChallengeFor(string verifier) => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    internal static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
