using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Ocma.Tests.Fakes;

/// <summary>Helpers the fakes share for OAuth: secrets, PKCE checks, redirect building.</summary>
public static class FakeOAuth
{
    public static string NewSecret(string prefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>S256 check written independently of the product's PKCE helper.</summary>
    public static bool VerifierMatches(string? verifier, string challenge, string method)
    {
        if (string.IsNullOrEmpty(verifier))
        {
            return false;
        }

        if (method == "plain")
        {
            return verifier == challenge;
        }

        var hashed = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return hashed == challenge;
    }

    public static IResult RedirectWith(string redirectUri, params (string Key, string? Value)[] parameters)
    {
        var query = string.Join('&', parameters.Where(p => p.Value is not null).Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value!)));
        return Results.Redirect(redirectUri + (redirectUri.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query);
    }

    public static string? BasicClientId(HttpRequest request, out string? secret)
    {
        secret = null;
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return null;
        }

        var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..])).Split(':', 2);
        secret = pair.Length == 2 ? Uri.UnescapeDataString(pair[1]) : null;
        return Uri.UnescapeDataString(pair[0]);
    }

    public static string? Bearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..] : null;
    }
}
