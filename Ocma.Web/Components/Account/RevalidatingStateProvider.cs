using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Ocma.Core.Identity;
using Ocma.Web.Hosting;

namespace Ocma.Web.Components.Account;

/// <summary>
/// The sign-in of an open page (a live circuit), checked against the database every
/// <see cref="SessionCheckOptions.RevalidationInterval"/>: when the person was locked, removed, given another role or had
/// their password reset, the page drops the sign-in and says why (<see cref="Ended"/>), then reloads to the sign-in page.
/// </summary>
public sealed class RevalidatingStateProvider(
    ILoggerFactory loggers,
    ActorResolver resolver,
    IOptions<SessionCheckOptions> sessions,
    IOptions<IdentityOptions> identity) : RevalidatingServerAuthenticationStateProvider(loggers)
{
    /// <summary>Why the sign-in ended, once it has.</summary>
    public SessionEnd? Ended { get; private set; }

    protected override TimeSpan RevalidationInterval => sessions.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var user = authenticationState.User;
        var now = await resolver.ResolveAsync(user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity?.Name ?? "unknown", cancellationToken);
        Ended ??= SessionEnd.Compare(user, now, identity.Value.ClaimsIdentity.SecurityStampClaimType);
        return Ended is null;
    }

    /// <summary>
    /// Ends the sign-in at once, instead of at the next interval, when a call just found the person changed.
    /// </summary>
    public void EndIfChanged(ClaimsPrincipal signedIn, ResolvedActor now)
    {
        if (Ended is not null || SessionEnd.Compare(signedIn, now, identity.Value.ClaimsIdentity.SecurityStampClaimType) is not { } end)
        {
            return;
        }

        Ended = end;
        SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
    }
}
