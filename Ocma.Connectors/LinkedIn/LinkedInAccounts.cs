using Ocma.Core.Connectors;

namespace Ocma.Connectors.LinkedIn;

/// <summary>Every account one LinkedIn grant can post as: the member, and each organization they may post for.</summary>
internal sealed class LinkedInAccounts(LinkedInApiClient client, string[] postingRoles)
{
    public async Task<ConnectorResult<IReadOnlyList<ConnectableAccount>>> ListAsync(ChannelCredentials grant, CancellationToken cancellationToken)
    {
        var me = await client.UserInfoAsync(grant, cancellationToken);
        if (!me.Succeeded)
        {
            return me.Failure!;
        }

        var accounts = new List<ConnectableAccount>();
        if (grant.Scopes.Contains("w_member_social", StringComparer.Ordinal))
        {
            var urn = "urn:li:person:" + me.Value.Sub;
            accounts.Add(new ConnectableAccount(urn, me.Value.Name ?? "LinkedIn member", me.Value.Email, grant with { AccountId = urn }));
        }

        if (grant.Scopes.Contains("w_organization_social", StringComparer.Ordinal))
        {
            var roles = await client.OrganizationRolesAsync(grant, cancellationToken);
            if (!roles.Succeeded)
            {
                return roles.Failure!;
            }

            foreach (var acl in (roles.Value.Elements ?? []).Where(a => a.State == "APPROVED" && postingRoles.Contains(a.Role) && a.OrganizationalTarget?.StartsWith(LinkedInScopes.OrganizationPrefix, StringComparison.Ordinal) == true))
            {
                var urn = acl.OrganizationalTarget!;
                if (accounts.Any(a => a.AccountId == urn))
                {
                    continue;
                }

                var organization = await client.OrganizationAsync(grant, urn[LinkedInScopes.OrganizationPrefix.Length..], cancellationToken);
                if (!organization.Succeeded)
                {
                    return organization.Failure!;
                }

                accounts.Add(new ConnectableAccount(urn, organization.Value.LocalizedName ?? urn, organization.Value.VanityName, grant with { AccountId = urn }));
            }
        }

        return accounts.Count > 0
            ? ConnectorResult<IReadOnlyList<ConnectableAccount>>.Success(accounts)
            : ConnectorResult<IReadOnlyList<ConnectableAccount>>.Fail(FailureKind.Misconfigured, "This LinkedIn sign-in gives no account Ocma can post as: grant posting access, or ask a page admin for a posting role.");
    }
}
