using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Ocma.Core.Audit;

namespace Ocma.Core.Identity;

/// <summary>
/// Who a signed-in person is <em>now</em>: their role, lock state and security stamp read from the database at the
/// moment of asking. A page that stays open keeps the identity it was opened with; everything that changes data asks
/// this instead, so a lock, a role change or a removal holds on the next click, not at the next sign-in.
/// </summary>
public sealed class ActorResolver(IServiceScopeFactory scopes)
{
    public async Task<ResolvedActor> ResolveAsync(string? userId, string fallbackName, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (string.IsNullOrEmpty(userId))
        {
            return new ResolvedActor(new Actor(null, fallbackName, new HashSet<string>()), Standing.Removed, null);
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OcmaUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return new ResolvedActor(new Actor(userId, fallbackName, new HashSet<string>()), Standing.Removed, null);
        }

        var name = user.UserName ?? fallbackName;
        var stamp = await users.GetSecurityStampAsync(user);
        if (await users.IsLockedOutAsync(user)) // Identity stamps lockouts on its own clock: ask it
        {
            return new ResolvedActor(new Actor(userId, name, new HashSet<string>()), Standing.Locked, stamp);
        }

        var roles = (await users.GetRolesAsync(user)).ToHashSet();
        return new ResolvedActor(new Actor(userId, name, roles), Standing.Active, stamp);
    }
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
