using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Ocma.Connectors.Shared;

namespace Ocma.Connectors.Bluesky;

public static class BlueskyRegistration
{
    /// <summary>Registers the Bluesky connector unless <c>Connectors:Bluesky:Enabled</c> is false.</summary>
    public static IServiceCollection AddBlueskyConnector(this IServiceCollection services, IConfiguration configuration) =>
        ConnectorRegistrationHelper.IsEnabled(configuration, BlueskyOptions.SectionName)
            ? services.AddPlatformConnector<BlueskyConnector, BlueskyApiClient, BlueskyOptions>(BlueskyOptions.SectionName)
            : services;
}
