using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Ocma.Core;
using Ocma.Core.Drafting;

namespace Ocma.Tests.Core.Drafting;

public sealed class DraftingRegistrationTests
{
    [Fact]
    public void AddOcmaDrafting_AfterAddOcmaCore_EveryDraftingServiceResolves()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "ocma-drafting-" + Guid.NewGuid().ToString("N"));
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DataDirectory"] = dataDirectory,
                ["Drafting:Provider"] = "Anthropic",
            }).Build();
            var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
            services.AddOcmaCore(configuration);
            services.AddOcmaDrafting(configuration);
            using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

            Assert.NotNull(provider.GetRequiredService<DraftService>());
            Assert.NotNull(provider.GetRequiredService<UsageReportService>());
            Assert.NotNull(provider.GetRequiredService<BrandVoiceService>());
            Assert.IsType<AnthropicProvider>(provider.GetRequiredService<DraftingProviders>().Configured);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
