using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Ocma.Web.Components.Account;

namespace Ocma.Web.Hosting;

public static class SessionRegistration
{
    /// <summary>
    /// Sign-ins follow the database within <see cref="SessionCheckOptions.RevalidationInterval"/>: open pages (live circuits)
    /// revalidate on that interval, and a request's cookie is checked against the security stamp when older than it.
    /// </summary>
    public static IServiceCollection AddOcmaSessions(this IServiceCollection services)
    {
        services.AddOptions<SessionCheckOptions>().BindConfiguration(SessionCheckOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<AuthenticationStateProvider, RevalidatingStateProvider>();
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<IOptions<SessionCheckOptions>>((o, sessions) => o.ValidationInterval = sessions.Value.RevalidationInterval);
        return services;
    }
}
