using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Ocma.Core.Audit;
using Ocma.Core.Secrets;

namespace Ocma.Core.Drafting;

public static class DraftingRegistration
{
    /// <summary>
    /// AI drafting: options (section <c>Drafting</c>, validated at start-up), the built-in drafter, the two hosted providers as typed
    /// clients with retry and timeout, and the use-case services. Needs the DbContext factory and Data Protection registered by the core.
    /// </summary>
    public static IServiceCollection AddOcmaDrafting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DraftingOptions>()
            .BindConfiguration(DraftingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
#pragma warning disable RS0030 // the composition root chooses the real clock
        services.TryAddSingleton(TimeProvider.System);
#pragma warning restore RS0030
        services.TryAddSingleton<SecretVault>();
        services.TryAddSingleton<AuditLog>();
        services.AddSingleton<BuiltInDrafter>();
        services.AddSingleton<PriceTable>();
        services.AddTransient<ApiKeySource>();
        services.AddTransient<DraftingResilienceHandler>();
        services.AddHttpClient<OpenAICompatibleProvider>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<DraftingResilienceHandler>();
        services.AddHttpClient<AnthropicProvider>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<DraftingResilienceHandler>();
        services.AddTransient<DraftingProviders>();
        services.AddTransient<BudgetService>();
        services.AddTransient<BrandVoiceService>();
        services.AddTransient<GenerationLedger>();
        services.AddTransient<DraftGenerator>();
        services.AddTransient<DraftService>();
        services.AddSingleton<GenerationLinkService>();
        services.AddTransient<UsageReportService>();
        return services;
    }
}
