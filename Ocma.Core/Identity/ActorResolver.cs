using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocma.Core.Audit;
using Ocma.Core.Data;

namespace Ocma.Core.Identity;

/// <summary>
/// Who a signed-in person is <em>now</em>: their role, lock state, brand memberships and security stamp read from the
/// database at the moment of asking. A page that stays open keeps the identity it was opened with; everything that
/// changes data asks this instead, so a lock, a role change or a removal holds on the next click, not at the next sign-in.
/// </summary>
public sealed class ActorResolver(IServiceScopeFactory scopes)
{
    public async Task<ResolvedActor> ResolveAsync(string? userId, string fallbackName, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (string.IsNullOrEmpty(userId))
        {
            return new ResolvedActor(Nobody(null, fallbackName), Standing.Removed, null);
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OcmaUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return new ResolvedActor(Nobody(userId, fallbackName), Standing.Removed, null);
        }

        var name = user.UserName ?? fallbackName;
        var stamp = await users.GetSecurityStampAsync(user);
        if (await users.IsLockedOutAsync(user)) // Identity stamps lockouts on its own clock: ask it
        {
            return new ResolvedActor(Nobody(userId, name), Standing.Locked, stamp);
        }

        var roles = await users.GetRolesAsync(user);
        if (roles.Contains(Roles.Admin))
        {
            return new ResolvedActor(new Actor(userId, name, new HashSet<string> { Roles.Admin }), Standing.Active, stamp);
        }

        var db = scope.ServiceProvider.GetRequiredService<OcmaDbContext>();
        var memberships = await db.BrandMemberships.AsNoTracking().Where(m => m.UserId == userId).ToDictionaryAsync(m => m.BrandId, m => m.Role, cancellationToken);
        var actor = new Actor(userId, name, new HashSet<string>()) { BrandRoles = memberships };
        return new ResolvedActor(actor.In(CurrentBrand(user.CurrentBrandId, memberships)), Standing.Active, stamp);
    }

    /// <summary>The brand a member works in: the one they chose while still a member of it, else their first.</summary>
    public static int CurrentBrand(int? chosen, IReadOnlyDictionary<int, string> memberships) =>
        chosen is int id && memberships.ContainsKey(id) ? id : memberships.Keys.DefaultIfEmpty(0).Min();

    private static Actor Nobody(string? userId, string name) => new(userId, name, new HashSet<string>()) { BrandRoles = new Dictionary<int, string>() };
}

/// <summary>Whether the person may act at all: a locked or removed person keeps no role.</summary>
public enum Standing
{
    Active,
    Locked,
    Removed,
}

/// <summary>The person as the database has them, and the security stamp their sign-in must carry to still be valid.</summary>
public sealed record ResolvedActor(Actor Actor, Standing Standing, string? SecurityStamp);
