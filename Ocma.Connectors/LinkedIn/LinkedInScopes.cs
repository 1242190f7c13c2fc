namespace Ocma.Connectors.LinkedIn;

/// <summary>
/// Which LinkedIn permissions an account needs. Posting does not give the right to read posts back, and the look-up
/// after a lost answer reads them: a member's need r_member_social (LinkedIn grants it only to approved partner apps,
/// so Ocma asks for it only when configured), a page's r_organization_social (part of the Community Management access
/// that gives w_organization_social, so Ocma always asks for it with that).
/// </summary>
internal static class LinkedInScopes
{
    public const string OrganizationPrefix = "urn:li:organization:";

    public static bool IsPage(string author) => author.StartsWith(OrganizationPrefix, StringComparison.Ordinal);

    public static string WriteScopeFor(string author) => IsPage(author) ? "w_organization_social" : "w_member_social";

    public static string ReadScopeFor(string author) => IsPage(author) ? "r_organization_social" : "r_member_social";

    /// <summary>The configured scopes, plus r_organization_social wherever pages are posted to.</summary>
    public static IReadOnlyList<string> Requested(string configured)
    {
        var scopes = configured.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        if (scopes.Contains("w_organization_social", StringComparer.Ordinal) && !scopes.Contains("r_organization_social", StringComparer.Ordinal))
        {
            scopes.Add("r_organization_social");
        }

        return scopes;
    }

    /// <summary>Why Ocma cannot read the author's posts, and what a person can do about it (a clause, no final stop).</summary>
    public static string CannotReadReason(string author, IReadOnlyList<string> granted, IReadOnlyList<string> requested)
    {
        var read = ReadScopeFor(author);
        if (granted.Contains(read, StringComparer.Ordinal))
        {
            return $"LinkedIn refused to list this account's posts although the connection has the {read} read permission: reconnect the channel";
        }

        if (requested.Contains(read, StringComparer.Ordinal))
        {
            return $"the LinkedIn connection lacks the {read} read permission (it was connected before Ocma asked for it): reconnect the channel to grant it";
        }

        return $"the LinkedIn connection lacks the {read} read permission, which LinkedIn grants only to approved partner apps (an approved app adds it to Connectors:LinkedIn:Scopes)";
    }
}
