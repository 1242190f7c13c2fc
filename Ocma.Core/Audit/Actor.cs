using System.Security.Claims;
using Ocma.Core.Identity;

namespace Ocma.Core.Audit;

/// <summary>Who is acting: a signed-in person (with roles) or the system.</summary>
public sealed record Actor(string? UserId, string Name, IReadOnlySet<string> Roles)
{
    public static readonly Actor System = new(null, AuditLog.SystemActor, new HashSet<string>());

    public bool IsInRole(string role) => Roles.Contains(role);

    public bool IsInAnyRole(string commaSeparatedRoles) => commaSeparatedRoles.Split(',').Any(Roles.Contains);

    public bool CanCompose => IsInAnyRole(Identity.Roles.Composers);

    public bool CanPublish => IsInAnyRole(Identity.Roles.Publishers);

    public bool IsAdmin => IsInRole(Identity.Roles.Admin);

    /// <summary>
    /// The brands this person is a member of, and their role in each; null means every brand (an Admin, the system).
    /// <see cref="Roles"/> holds their role in the brand they work in now.
    /// </summary>
    public IReadOnlyDictionary<int, string>? BrandRoles { get; init; }

    /// <summary>Whether this person may see anything of brand <paramref name="brandId"/>; if not, its objects are "not found".</summary>
    public bool CanSee(int brandId) => IsAdmin || BrandRoles is null || BrandRoles.ContainsKey(brandId);

    /// <summary>This person with the role they have in brand <paramref name="brandId"/> (no role when not a member).</summary>
    public Actor In(int brandId) => IsAdmin || BrandRoles is null
        ? this
        : this with { Roles = BrandRoles.TryGetValue(brandId, out var role) ? new HashSet<string> { role } : new HashSet<string>() };

    public static Actor From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier),
        user.Identity?.Name ?? "unknown",
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet());
}
