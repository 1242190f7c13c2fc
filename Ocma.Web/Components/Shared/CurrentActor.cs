using Microsoft.AspNetCore.Components.Authorization;
using Ocma.Core.Audit;

namespace Ocma.Web.Components.Shared;

/// <summary>The signed-in person as the services expect them.</summary>
public sealed class CurrentActor(AuthenticationStateProvider authentication)
{
    public async Task<Actor> GetAsync() => Actor.From((await authentication.GetAuthenticationStateAsync()).User);
}
