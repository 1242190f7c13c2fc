namespace Ocma.Web.Components.Account;

/// <summary>Where to go after signing in: a path on this site, or the dashboard.</summary>
public static class LocalReturnUrl
{
    /// <summary>
    /// The return URL when it is a plain local path ("/calendar?view=week"); "/" for anything else: another site
    /// ("//host", "/\host", "https://…"), or any character outside printable ASCII (spaces, U+3000, controls), which a
    /// browser may read differently and which cannot go into a Location header as they are.
    /// </summary>
    public static string Safe(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
        && url.All(c => c is > ' ' and < (char)0x7F)
            ? url
            : "/";
}
