using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Ocma.Connectors.Shared;

namespace Ocma.Connectors.Instagram;

public static class InstagramRegistration
{
    /// <summary>
    /// Registers the Instagram connector only when <c>Connectors:Instagram:Enabled</c> is true. It is off by default:
    /// every Instagram post needs its media at a public URL, which Ocma serves only when <c>PublicBaseUrl</c> is set
    /// to an address Instagram can reach, so a default install could connect Instagram but never publish to it.
    /// </summary>
    public static IServiceCollection AddInstagramConnector(this IServiceCollection services, IConfiguration configuration) =>
        ConnectorRegistrationHelper.IsEnabled(configuration, InstagramOptions.SectionName, enabledByDefault: false)
            ? services.AddPlatformConnector<InstagramConnector, InstagramApiClient, InstagramOptions>(InstagramOptions.SectionName)
            : services;
}
