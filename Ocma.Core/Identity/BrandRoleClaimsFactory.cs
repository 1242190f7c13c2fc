using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ocma.Core.Data;

namespace Ocma.Core.Identity;

/// <summary>
/// The sign-in's role claim is the person's role in the brand they work in (an Admin stays Admin everywhere), so pages
/// and navigation follow the brand: Editor in one brand, Viewer in the next.
/// </summary>
public sealed class BrandRoleClaimsFactory(
    UserManager<OcmaUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options,
    OcmaDbContext db) : UserClaimsPrincipalFactory<OcmaUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(OcmaUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var roleType = Options.ClaimsIdentity.RoleClaimType;
        if (identity.HasClaim(roleType, Roles.Admin))
        {
            return identity;
        }

        foreach (var claim in identity.FindAll(roleType).ToList())
        {
            identity.RemoveClaim(claim);
        }

        var memberships = await db.BrandMemberships.AsNoTracking().Where(m => m.UserId == user.Id).ToDictionaryAsync(m => m.BrandId, m => m.Role);
        if (memberships.TryGetValue(ActorResolver.CurrentBrand(user.CurrentBrandId, memberships), out var role))
        {
            identity.AddClaim(new Claim(roleType, role));
        }

        return identity;
    }
}
