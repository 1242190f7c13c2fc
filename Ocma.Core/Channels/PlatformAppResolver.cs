using Microsoft.Extensions.Configuration;
using Ocma.Core.Connectors;
using Ocma.Core.Secrets;

namespace Ocma.Core.Channels;

/// <summary>
/// Finds a platform app's client credentials: an Admin's secrets first (<c>{platform}:client_id</c>,
/// <c>{platform}:client_secret</c>), then configuration (<c>Connectors:{Platform}:ClientId</c>/<c>ClientSecret</c>).
/// </summary>
public sealed class PlatformAppResolver(SecretVault vault, IConfiguration configuration)
{
    /// <summary>The practice platform's app is built in.</summary>
    public const string SandboxClientId = "ocma-console";

    public async Task<PlatformApp?> FindAsync(string platformKey, CancellationToken cancellationToken)
    {
        if (platformKey == "sandbox")
        {
            return new PlatformApp(SandboxClientId, null);
        }

        var section = configuration.GetSection($"Connectors:{platformKey}");
        var clientId = await vault.GetAsync($"{platformKey}:client_id", cancellationToken) ?? section["ClientId"];
        var clientSecret = await vault.GetAsync($"{platformKey}:client_secret", cancellationToken) ?? section["ClientSecret"];
        return string.IsNullOrWhiteSpace(clientId) ? null : new PlatformApp(clientId, clientSecret);
    }
}
