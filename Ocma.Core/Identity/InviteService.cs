using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Ocma.Core.Audit;
using Ocma.Core.Data;

namespace Ocma.Core.Identity;

/// <summary>
/// Invites by link: an Admin adds a person by email and role without choosing a password for them, and passes on a
/// link with which that person sets their own. The link carries an Identity token (protected, never stored); it works
/// once, for <see cref="Lifetime"/>, and a new link for the same person makes the older ones stop working.
/// </summary>
public sealed class InviteService(IServiceScopeFactory scopes, AuditLog audit, TimeProvider time)
{
    /// <summary>How long an invite link works. Identity's token lifetime is set to this at start-up.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public const string Expired = "This invite link has expired, was already used, was replaced by a newer one, or was withdrawn. Ask an Admin for a new link.";

    /// <param name="brandRoles">For anyone but an Admin: their brands and the role in each; null means every brand with <paramref name="role"/>.</param>
    public async Task<Result<Invitation>> InviteAsync(string email, string role, Actor actor, CancellationToken cancellationToken, IReadOnlyDictionary<int, string>? brandRoles = null)
    {
        if (!actor.IsAdmin)
        {
            return Result.Fail<Invitation>("Only an Admin can invite people.");
        }

        if (!Roles.All.Contains(role))
        {
            return Result.Fail<Invitation>($"'{role}' is not a role. Choose Admin, Editor, Contributor or Viewer.");
        }

        email = email.Trim();
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OcmaUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return Result.Fail<Invitation>($"{email} already has an account. To let them in again, reset their password or send a new invite link from their row.");
        }

        var db = scope.ServiceProvider.GetRequiredService<OcmaDbContext>();
        var memberships = role == Roles.Admin ? null : brandRoles ?? await MembershipService.EveryBrandAsync(db, role, cancellationToken);
        if (memberships is not null && await MembershipService.CheckAsync(db, memberships, cancellationToken) is { } problem)
        {
            return Result.Fail<Invitation>(problem);
        }

        var user = new OcmaUser { UserName = email, Email = email, EmailConfirmed = true, CreatedUtc = time.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(user); // no password until they accept: nobody can sign in as them meanwhile
        if (!created.Succeeded)
        {
            return Result.Fail<Invitation>(UserService.Describe(created));
        }

        await users.AddToRoleAsync(user, role);
        if (memberships is not null)
        {
            await MembershipService.ReplaceAsync(db, user.Id, memberships, cancellationToken);
        }

        var where = memberships is null ? "every brand" : string.Join(", ", memberships.OrderBy(p => p.Key).Select(p => $"brand {p.Key}: {p.Value}"));
        await audit.WriteAsync(actor, "user.invited", $"user {email}", $"role {role}; {where}", cancellationToken);
        return await IssueAsync(users, user);
    }

    /// <summary>A fresh link for someone who has not accepted yet; the links given out before stop working.</summary>
    public async Task<Result<Invitation>> ReissueAsync(string userId, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin)
        {
            return Result.Fail<Invitation>("Only an Admin can invite people.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OcmaUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Result.Fail<Invitation>("That person no longer has an account.");
        }

        if (await users.HasPasswordAsync(user))
        {
            return Result.Fail<Invitation>($"{user.Email} has already accepted and set a password. Use Reset password instead.");
        }

        await users.UpdateSecurityStampAsync(user);
        await audit.WriteAsync(actor, "user.invite-renewed", $"user {user.Email}", null, cancellationToken);
        return await IssueAsync(users, user);
    }

    /// <summary>Who a link invites, if it still works.</summary>
    public async Task<Result<string>> CheckAsync(string? userId, string? token)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OcmaUser>>();
        var user = await FindOpenInviteAsync(users, userId, token);
        return user is null ? Result.Fail<string>(Expired) : user.Email ?? "";
    }

    /// <summary>Sets the invited person's own password (Identity's policy applies) and uses the link up.</summary>
    public async Task<Result<OcmaUser>> AcceptAsync(string? userId, string? token, string password, string confirm, CancellationToken cancellationToken)
    {
        if (password != confirm)
        {
            return Result.Fail<OcmaUser>("The two passwords are not the same. Type the same password twice.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OcmaUser>>();
        var user = await FindOpenInviteAsync(users, userId, token);
        if (user is null)
        {
            return Result.Fail<OcmaUser>(Expired);
        }

        var set = await users.ResetPasswordAsync(user, token!, password); // renews the security stamp: the link is spent
        if (!set.Succeeded)
        {
            return Result.Fail<OcmaUser>(UserService.Describe(set));
        }

        var roles = await users.GetRolesAsync(user);
        await audit.WriteAsync(new Actor(user.Id, user.Email ?? user.Id, roles.ToHashSet()), "user.invite-accepted", $"user {user.Email}", null, cancellationToken);
        return user;
    }

    private static async Task<OcmaUser?> FindOpenInviteAsync(UserManager<OcmaUser> users, string? userId, string? token)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(token) || await users.FindByIdAsync(userId) is not { } user)
        {
            return null;
        }

        var valid = !await users.HasPasswordAsync(user)
            && !await users.IsLockedOutAsync(user) // an Admin locking an invited person withdraws the invite
            && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<OcmaUser>.ResetPasswordTokenPurpose, token);
        return valid ? user : null;
    }

    private async Task<Invitation> IssueAsync(UserManager<OcmaUser> users, OcmaUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var path = $"/invite?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";
        return new Invitation(user.Id, user.Email ?? "", path);
    }
}

/// <summary>A link to pass on privately; <see cref="Path"/> is relative to the console's address.</summary>
public sealed record Invitation(string UserId, string Email, string Path);
