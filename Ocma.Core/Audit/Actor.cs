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

    public static Actor From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier),
        user.Identity?.Name ?? "unknown",
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet());
}
