using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Ocma.Core.Connectors;
using Ocma.Core.Sandbox;

namespace Ocma.Connectors.Sandbox;

public static class SandboxRegistration
{
    /// <summary>Registers the practice platform's connector unless <c>Sandbox:Enabled</c> is false.</summary>
    public static IServiceCollection AddSandboxConnector(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetSection(SandboxOptions.SectionName).GetValue(nameof(SandboxOptions.Enabled), true))
        {
            services.AddSingleton<ISocialConnector, SandboxConnector>();
        }

        return services;
    }
}
