using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Ocma.Connectors.Bluesky;
using Ocma.Connectors.Facebook;
using Ocma.Connectors.Instagram;
using Ocma.Connectors.LinkedIn;
using Ocma.Connectors.Mastodon;
using Ocma.Connectors.Sandbox;
using Ocma.Connectors.X;
using Ocma.Core.Connectors;

namespace Ocma.Connectors;

public static class ConnectorsRegistration
{
    /// <summary>Registers every finished connector. Each platform owns its registration extension, one line here.</summary>
    public static IServiceCollection AddOcmaConnectors(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ConnectorRegistry>();
        services.AddSandboxConnector(configuration);
        services.AddMastodonConnector(configuration);
        services.AddBlueskyConnector(configuration);
        services.AddXConnector(configuration);
        services.AddLinkedInConnector(configuration);
        services.AddFacebookConnector(configuration);
        services.AddInstagramConnector(configuration);
        return services;
    }
}
