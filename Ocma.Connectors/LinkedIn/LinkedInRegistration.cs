using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Ocma.Connectors.Shared;

namespace Ocma.Connectors.LinkedIn;

public static class LinkedInRegistration
{
    /// <summary>Registers the LinkedIn connector unless <c>Connectors:LinkedIn:Enabled</c> is false.</summary>
    public static IServiceCollection AddLinkedInConnector(this IServiceCollection services, IConfiguration configuration) =>
        ConnectorRegistrationHelper.IsEnabled(configuration, LinkedInOptions.SectionName)
            ? services.AddPlatformConnector<LinkedInConnector, LinkedInApiClient, LinkedInOptions>(LinkedInOptions.SectionName)
            : services;
}
