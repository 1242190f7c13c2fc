using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Ocma.Connectors.Shared;

namespace Ocma.Connectors.Instagram;

public static class InstagramRegistration
{
    /// <summary>Registers the Instagram connector unless <c>Connectors:Instagram:Enabled</c> is false.</summary>
    public static IServiceCollection AddInstagramConnector(this IServiceCollection services, IConfiguration configuration) =>
        ConnectorRegistrationHelper.IsEnabled(configuration, InstagramOptions.SectionName)
            ? services.AddPlatformConnector<InstagramConnector, InstagramApiClient, InstagramOptions>(InstagramOptions.SectionName)
            : services;
}
