using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Ocma.Core.Connectors;

namespace Ocma.Connectors.Shared;

/// <summary>What every platform registration does: validated options, a typed client with safe retries, the connector.</summary>
public static class ConnectorRegistrationHelper
{
    public static IServiceCollection AddPlatformConnector<TConnector, TClient, TOptions>(this IServiceCollection services, string sectionName)
        where TConnector : class, ISocialConnector
        where TClient : class
        where TOptions : ConnectorHttpOptions
    {
        services.AddOptions<TOptions>().BindConfiguration(sectionName).ValidateDataAnnotations().ValidateOnStart();
        #pragma warning disable RS0030 // the composition root chooses the real clock
        services.TryAddSingleton(TimeProvider.System);
        #pragma warning restore RS0030
        services.AddHttpClient<TClient>(typeof(TClient).Name, (provider, client) =>
                client.Timeout = provider.GetRequiredService<IOptions<TOptions>>().Value.Timeout)
            .AddHttpMessageHandler(provider =>
            {
                var options = provider.GetRequiredService<IOptions<TOptions>>().Value;
                return new SafeRetryHandler(options.SafeRetries, options.SafeRetryDelay);
            });
        services.TryAddSingleton<ApiClientFactory<TClient>>();
        services.AddSingleton<TConnector>();
        services.AddSingleton<ISocialConnector>(provider => provider.GetRequiredService<TConnector>());
        return services;
    }

    /// <summary>Reads <c>Enabled</c> from a platform section without binding the rest.</summary>
    public static bool IsEnabled(Microsoft.Extensions.Configuration.IConfiguration configuration, string sectionName, bool enabledByDefault = true) =>
        Microsoft.Extensions.Configuration.ConfigurationBinder.GetValue(configuration.GetSection(sectionName), nameof(ConnectorHttpOptions.Enabled), enabledByDefault);
}
