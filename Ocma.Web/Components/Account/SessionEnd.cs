using System.Security.Claims;
using Ocma.Core.Identity;

namespace Ocma.Web.Components.Account;

/// <summary>Why a sign-in stopped being valid while a page was open, as a short code (for the sign-in page's address) and in words.</summary>
public sealed record SessionEnd(string Code, string Message)
{
    public const string RemovedCode = "removed";
    public const string LockedCode = "locked";
    public const string RoleCode = "role";
    public const string ResetCode = "reset";

    /// <summary>Null while <paramref name="signedIn"/> still matches the person as the database has them now.</summary>
    public static SessionEnd? Compare(ClaimsPrincipal signedIn, ResolvedActor now, string stampClaimType)
    {
        if (now.Standing == Standing.Removed)
        {
            return new(RemovedCode, Describe(RemovedCode)!);
        }

        if (now.Standing == Standing.Locked)
        {
            return new(LockedCode, Describe(LockedCode)!);
        }

        if (signedIn.FindFirstValue(stampClaimType) == now.SecurityStamp)
        {
            return null; // a role change, a reset or new brand memberships all renew the stamp
        }

        var rolesThen = signedIn.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();
        if (rolesThen.SetEquals(now.Actor.Roles))
        {
            return new(ResetCode, Describe(ResetCode)!);
        }

        var role = Roles.All.FirstOrDefault(now.Actor.Roles.Contains) ?? "no role";
        return new(RoleCode, $"An Admin changed your role to {role}. What you just did was not done. Sign in again to go on with what your new role allows.");
    }

    /// <summary>The words for a code from the sign-in page's address; null for anything else (the address is not trusted).</summary>
    public static string? Describe(string? code) => code switch
    {
        RemovedCode => "Your account was removed, so your sign-in ended. Ask an Admin if you need access.",
        LockedCode => "An Admin locked your account, so your sign-in ended. Ask an Admin if you need access again.",
        RoleCode => "An Admin changed your role, so your sign-in ended. Sign in again to go on with what your new role allows.",
        ResetCode => "An Admin reset your password, changed your brands or ended your sign-in. Sign in again.",
        _ => null,
    };
}
