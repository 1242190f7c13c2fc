using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Ocma.Connectors.Shared;

namespace Ocma.Connectors.Facebook;

public static class FacebookRegistration
{
    /// <summary>Registers the Facebook Pages connector unless <c>Connectors:Facebook:Enabled</c> is false.</summary>
    public static IServiceCollection AddFacebookConnector(this IServiceCollection services, IConfiguration configuration) =>
        ConnectorRegistrationHelper.IsEnabled(configuration, FacebookOptions.SectionName)
            ? services.AddPlatformConnector<FacebookConnector, FacebookApiClient, FacebookOptions>(FacebookOptions.SectionName)
            : services;
}
