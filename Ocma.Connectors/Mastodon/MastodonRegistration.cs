using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Ocma.Connectors.Shared;

namespace Ocma.Connectors.Mastodon;

public static class MastodonRegistration
{
    /// <summary>Registers the Mastodon connector unless <c>Connectors:Mastodon:Enabled</c> is false.</summary>
    public static IServiceCollection AddMastodonConnector(this IServiceCollection services, IConfiguration configuration) =>
        ConnectorRegistrationHelper.IsEnabled(configuration, MastodonOptions.SectionName)
            ? services.AddPlatformConnector<MastodonConnector, MastodonApiClient, MastodonOptions>(MastodonOptions.SectionName)
            : services;
}
