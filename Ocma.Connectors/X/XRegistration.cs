using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Ocma.Connectors.Shared;

namespace Ocma.Connectors.X;

public static class XRegistration
{
    /// <summary>Registers the X connector unless <c>Connectors:X:Enabled</c> is false.</summary>
    public static IServiceCollection AddXConnector(this IServiceCollection services, IConfiguration configuration) =>
        ConnectorRegistrationHelper.IsEnabled(configuration, XOptions.SectionName)
            ? services.AddPlatformConnector<XConnector, XApiClient, XOptions>(XOptions.SectionName)
            : services;
}
