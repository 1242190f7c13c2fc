using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocma.Core.Audit;
using Ocma.Core.Data;

namespace Ocma.Core.Identity;

/// <summary>Admin → Users: list people, create them with a role, change their role, lock or unlock them, reset a password.</summary>
public sealed class UserService(IServiceScopeFactory scopes, AuditLog audit, TimeProvider time)
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken) =>
        (await PageAsync(null, descending: false, 0, int.MaxValue, cancellationToken)).People;

    /// <summary>One page of people by email, optionally only those whose email contains <paramref name="search"/>.</summary>
    public async Task<UserPage> PageAsync(string? search, bool descending, int skip, int take, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OcmaUser>>();
        var query = users.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var normalized = search.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(normalized));
        }

        var total = await query.CountAsync(cancellationToken);
        var page = await (descending ? query.OrderByDescending(u => u.Email) : query.OrderBy(u => u.Email))
            .Skip(Math.Max(0, skip)).Take(Math.Max(1, take)).ToListAsync(cancellationToken);
        var result = new List<UserSummary>(page.Count);
        foreach (var user in page)
        {
            var roles = await users.GetRolesAsync(user);
            var lockedOut = await users.IsLockedOutAsync(user); // Identity stamps lockouts on its own clock: ask it
            result.Add(new UserSummary(user.Id, user.Email ?? user.UserName ?? "", roles.FirstOrDefault() ?? Roles.Viewer, lockedOut, user.CreatedUtc) { Invited = user.PasswordHash is null });
        }

        return new UserPage(result, total);
    }

    /// <param name="brandRoles">For anyone but an Admin: their brands and the role in each; null means every brand with <paramref name="role"/>.</param>
    public async Task<Result<UserSummary>> CreateAsync(string email, string password, string role, Actor actor, CancellationToken cancellationToken, IReadOnlyDictionary<int, string>? brandRoles = null)
    {
        if (!actor.IsAdmin)
        {
            return Result.Fail<UserSummary>("Only an Admin can add people.");
        }

        if (!Roles.All.Contains(role))
        {
            return Result.Fail<UserSummary>($"'{role}' is not a role. Choose Admin, Editor, Contributor or Viewer.");
        }

        email = email.Trim();
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OcmaUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return Result.Fail<UserSummary>($"{email} already has an account.");
        }

        var db = scope.ServiceProvider.GetRequiredService<OcmaDbContext>();
        var memberships = role == Roles.Admin ? null : brandRoles ?? await MembershipService.EveryBrandAsync(db, role, cancellationToken);
        if (memberships is not null && await MembershipService.CheckAsync(db, memberships, cancellationToken) is { } problem)
        {
            return Result.Fail<UserSummary>(problem);
        }

        var user = new OcmaUser { UserName = email, Email = email, EmailConfirmed = true, CreatedUtc = time.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return Result.Fail<UserSummary>(Describe(created));
        }

        await users.AddToRoleAsync(user, role);
        if (memberships is not null)
        {
            await MembershipService.ReplaceAsync(db, user.Id, memberships, cancellationToken);
        }

        await audit.WriteAsync(actor, "user.created", $"user {email}", $"role {role}", cancellationToken);
        return new UserSummary(user.Id, email, role, false, user.CreatedUtc);
    }

    public async Task<Result<UserSummary>> ChangeRoleAsync(string userId, string role, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin)
        {
            return Result.Fail<UserSummary>("Only an Admin can change roles.");
        }

        if (!Roles.All.Contains(role))
        {
            return Result.Fail<UserSummary>($"'{role}' is not a role.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OcmaUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Result.Fail<UserSummary>("That person no longer has an account.");
        }

        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Admin) && role != Roles.Admin && (await users.GetUsersInRoleAsync(Roles.Admin)).Count == 1)
        {
            return Result.Fail<UserSummary>("This is the last Admin: make someone else an Admin first.");
        }

        await users.RemoveFromRolesAsync(user, current);
        await users.AddToRoleAsync(user, role);
        if (role != Roles.Admin)
        {
            // The same role in each brand they belong to; someone who had none (a former Admin) joins every brand.
            var db = scope.ServiceProvider.GetRequiredService<OcmaDbContext>();
            var brands = await db.BrandMemberships.Where(m => m.UserId == userId).Select(m => m.BrandId).ToListAsync(cancellationToken);
            var memberships = brands.Count > 0 ? brands.ToDictionary(id => id, _ => role) : await MembershipService.EveryBrandAsync(db, role, cancellationToken);
            await MembershipService.ReplaceAsync(db, userId, memberships, cancellationToken);
        }

        await users.UpdateSecurityStampAsync(user); // signs them in again with the new role within a minute
        await audit.WriteAsync(actor, "user.role-changed", $"user {user.Email}", $"{string.Join(",", current)} → {role}", cancellationToken);
        return new UserSummary(user.Id, user.Email ?? "", role, false, user.CreatedUtc);
    }

    /// <summary>Stops a person signing in until an Admin unlocks them; their open sessions end within a minute.</summary>
    public async Task<Result<UserSummary>> LockAsync(string userId, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin)
        {
            return Result.Fail<UserSummary>("Only an Admin can lock accounts.");
        }

        if (userId == actor.UserId)
        {
            return Result.Fail<UserSummary>("You cannot lock your own account. Ask another Admin if it must be locked.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OcmaUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Result.Fail<UserSummary>("That person no longer has an account.");
        }

        var roles = await users.GetRolesAsync(user);
        if (roles.Contains(Roles.Admin) && !await HasOtherActiveAdminAsync(users, user.Id))
        {
            return Result.Fail<UserSummary>("This is the last Admin who can sign in: make someone else an Admin first.");
        }

        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(user);
        await audit.WriteAsync(actor, "user.locked", $"user {user.Email}", null, cancellationToken);
        return new UserSummary(user.Id, user.Email ?? "", roles.FirstOrDefault() ?? Roles.Viewer, true, user.CreatedUtc);
    }

    /// <summary>Lets a locked person (by an Admin or by too many wrong passwords) sign in again.</summary>
    public async Task<Result<UserSummary>> UnlockAsync(string userId, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin)
        {
            return Result.Fail<UserSummary>("Only an Admin can unlock accounts.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OcmaUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Result.Fail<UserSummary>("That person no longer has an account.");
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.WriteAsync(actor, "user.unlocked", $"user {user.Email}", null, cancellationToken);
        var roles = await users.GetRolesAsync(user);
        return new UserSummary(user.Id, user.Email ?? "", roles.FirstOrDefault() ?? Roles.Viewer, false, user.CreatedUtc);
    }

    /// <summary>Sets a temporary password the Admin chose and passes on privately; the old one stops working at once.</summary>
    public async Task<Result<UserSummary>> ResetPasswordAsync(string userId, string newPassword, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin)
        {
            return Result.Fail<UserSummary>("Only an Admin can reset passwords.");
        }

        if (string.IsNullOrEmpty(newPassword))
        {
            return Result.Fail<UserSummary>("Type the new temporary password.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OcmaUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Result.Fail<UserSummary>("That person no longer has an account.");
        }

        // The reset token route checks the password policy and renews the security stamp, ending old sessions.
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, newPassword);
        if (!reset.Succeeded)
        {
            return Result.Fail<UserSummary>(Describe(reset));
        }

        await audit.WriteAsync(actor, "user.password-reset", $"user {user.Email}", null, cancellationToken);
        var roles = await users.GetRolesAsync(user);
        return new UserSummary(user.Id, user.Email ?? "", roles.FirstOrDefault() ?? Roles.Viewer, await users.IsLockedOutAsync(user), user.CreatedUtc);
    }

    public static string Describe(IdentityResult result) =>
        string.Join(" ", result.Errors.Select(e => e.Description));

    private async Task<bool> HasOtherActiveAdminAsync(UserManager<OcmaUser> users, string userId)
    {
        foreach (var admin in await users.GetUsersInRoleAsync(Roles.Admin))
        {
            if (admin.Id != userId && !await users.IsLockedOutAsync(admin))
            {
                return true;
            }
        }

        return false;
    }
}

public sealed record UserSummary(string Id, string Email, string Role, bool LockedOut, DateTime CreatedUtc)
{
    /// <summary>Invited by link and not yet accepted: no password, so nobody can sign in as them yet.</summary>
    public bool Invited { get; init; }
}

/// <summary>One page of people and how many there are in all.</summary>
public sealed record UserPage(IReadOnlyList<UserSummary> People, int Total);
