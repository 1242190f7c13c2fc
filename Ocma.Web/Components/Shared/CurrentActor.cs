using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Ocma.Core.Audit;
using Ocma.Core.Identity;
using Ocma.Web.Components.Account;

namespace Ocma.Web.Components.Shared;

/// <summary>
/// The signed-in person as the services expect them, with the role and lock state the database has <em>now</em> (not
/// the copy the page was opened with). When that differs from the page's sign-in, the page's sign-in ends at once.
/// </summary>
public sealed class CurrentActor(AuthenticationStateProvider authentication, ActorResolver resolver)
{
    public async Task<Actor> GetAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return Actor.From(user);
        }

        var now = await resolver.ResolveAsync(user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity.Name ?? "unknown", CancellationToken.None);
        (authentication as RevalidatingStateProvider)?.EndIfChanged(user, now);

        return now.Actor;
    }
}
