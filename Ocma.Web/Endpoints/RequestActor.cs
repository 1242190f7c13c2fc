using System.Security.Claims;
using Ocma.Core.Audit;
using Ocma.Core.Identity;

namespace Ocma.Web.Endpoints;

/// <summary>The person behind a request as the database has them now (the cookie's copy may be up to a revalidation interval old).</summary>
public static class RequestActor
{
    public static async Task<Actor> ActorOfAsync(this ActorResolver resolver, HttpContext http) =>
        (await resolver.ResolveAsync(http.User.FindFirstValue(ClaimTypes.NameIdentifier), http.User.Identity?.Name ?? "unknown", http.RequestAborted)).Actor;
}
