using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocma.Core.Audit;
using Ocma.Core.Data;

namespace Ocma.Core.Identity;

/// <summary>Which brands a person who is not an Admin belongs to, and their role in each (Admin → Users).</summary>
public sealed class MembershipService(IServiceScopeFactory scopes, AuditLog audit)
{
    /// <summary>The roles a person can have in one brand, most powerful first.</summary>
    public static readonly IReadOnlyList<string> BrandRoles = [Roles.Editor, Roles.Contributor, Roles.Viewer];

    public async Task<IReadOnlyDictionary<int, string>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OcmaDbContext>();
        return await db.BrandMemberships.AsNoTracking().Where(m => m.UserId == userId).ToDictionaryAsync(m => m.BrandId, m => m.Role, cancellationToken);
    }

    /// <summary>Replaces a person's brands and roles; their open pages and sign-ins follow within the revalidation interval.</summary>
    public async Task<Result<IReadOnlyDictionary<int, string>>> SetAsync(string userId, IReadOnlyDictionary<int, string> brandRoles, Actor actor, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin)
        {
            return Result.Fail<IReadOnlyDictionary<int, string>>("Only an Admin can choose people's brands.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OcmaUser>>();
        var db = scope.ServiceProvider.GetRequiredService<OcmaDbContext>();
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return Result.Fail<IReadOnlyDictionary<int, string>>("That person no longer has an account.");
        }

        if (await users.IsInRoleAsync(user, Roles.Admin))
        {
            return Result.Fail<IReadOnlyDictionary<int, string>>($"{user.Email} is an Admin and sees every brand. Give them another role first.");
        }

        if (await CheckAsync(db, brandRoles, cancellationToken) is { } problem)
        {
            return Result.Fail<IReadOnlyDictionary<int, string>>(problem);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ReplaceAsync(db, userId, brandRoles, cancellationToken);
        var highest = BrandRoles.First(brandRoles.Values.Contains);
        await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
        await users.AddToRoleAsync(user, highest); // the Users list shows their strongest brand role
        await users.UpdateSecurityStampAsync(user);
        await transaction.CommitAsync(cancellationToken);
        await audit.WriteAsync(actor, "user.brands-changed", $"user {user.Email}", string.Join(", ", brandRoles.OrderBy(p => p.Key).Select(p => $"brand {p.Key}: {p.Value}")), cancellationToken);
        return Result<IReadOnlyDictionary<int, string>>.Ok(brandRoles);
    }

    /// <summary>A plain message naming what is wrong with <paramref name="brandRoles"/>, or null when it can be stored.</summary>
    internal static async Task<string?> CheckAsync(OcmaDbContext db, IReadOnlyDictionary<int, string> brandRoles, CancellationToken cancellationToken)
    {
        if (brandRoles.Count == 0)
        {
            return "Choose at least one brand for this person (or make them an Admin, who sees every brand).";
        }

        if (brandRoles.Values.FirstOrDefault(r => !BrandRoles.Contains(r)) is { } wrong)
        {
            return $"'{wrong}' is not a role within a brand. Choose Editor, Contributor or Viewer.";
        }

        var ids = brandRoles.Keys.ToList();
        var known = await db.Brands.Where(b => ids.Contains(b.Id)).CountAsync(cancellationToken);
        return known == ids.Count ? null : "One of the chosen brands no longer exists. Reload the page and choose again.";
    }

    /// <summary>Every brand, with one role: what a new or re-roled person gets when no brands are named.</summary>
    internal static async Task<Dictionary<int, string>> EveryBrandAsync(OcmaDbContext db, string role, CancellationToken cancellationToken) =>
        await db.Brands.Select(b => b.Id).ToDictionaryAsync(id => id, _ => role, cancellationToken);

    internal static async Task ReplaceAsync(OcmaDbContext db, string userId, IReadOnlyDictionary<int, string> brandRoles, CancellationToken cancellationToken)
    {
        await db.BrandMemberships.Where(m => m.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        db.BrandMemberships.AddRange(brandRoles.Select(p => new BrandMembership { UserId = userId, BrandId = p.Key, Role = p.Value }));
        await db.SaveChangesAsync(cancellationToken);
    }
}
