using Microsoft.Extensions.Configuration;
using Ocma.Core.Connectors;
using Ocma.Core.Secrets;

namespace Ocma.Core.Channels;

/// <summary>
/// Finds a platform app's client credentials: an Admin's secrets first (<c>{platform}:client_id</c>,
/// <c>{platform}:client_secret</c>), then configuration (<c>Connectors:{Platform}:ClientId</c>/<c>ClientSecret</c>).
/// Per-server platforms (Mastodon) register an app on each server once and keep it as secrets named after the server.
/// </summary>
public sealed class PlatformAppResolver(SecretVault vault, IConfiguration configuration)
{
    /// <summary>The practice platform's app is built in.</summary>
    public const string SandboxClientId = "ocma-console";

    // One registration at a time: two quick "Connect" clicks must not register two apps and keep the wrong one.
    private readonly SemaphoreSlim _registering = new(1, 1);

    public async Task<PlatformApp?> FindAsync(string platformKey, string? instanceUrl, CancellationToken cancellationToken)
    {
        if (platformKey == "sandbox")
        {
            return new PlatformApp(SandboxClientId, null);
        }

        var prefix = instanceUrl is null ? platformKey : InstancePrefix(platformKey, instanceUrl);
        var section = configuration.GetSection($"Connectors:{platformKey}");
        var clientId = await vault.GetAsync($"{prefix}:client_id", cancellationToken) ?? (instanceUrl is null ? section["ClientId"] : null);
        var clientSecret = await vault.GetAsync($"{prefix}:client_secret", cancellationToken) ?? (instanceUrl is null ? section["ClientSecret"] : null);
        return string.IsNullOrWhiteSpace(clientId) ? null : new PlatformApp(clientId, clientSecret);
    }

    /// <summary>The app registered on a server, registering it there the first time.</summary>
    public async Task<ConnectorResult<PlatformApp>> FindOrRegisterAsync(IAppRegisteringConnector connector, string platformKey, string instanceUrl, Uri redirectUri, CancellationToken cancellationToken)
    {
        await _registering.WaitAsync(cancellationToken);
        try
        {
            return await FindOrRegisterOnceAsync(connector, platformKey, instanceUrl, redirectUri, cancellationToken);
        }
        finally
        {
            _registering.Release();
        }
    }

    private async Task<ConnectorResult<PlatformApp>> FindOrRegisterOnceAsync(IAppRegisteringConnector connector, string platformKey, string instanceUrl, Uri redirectUri, CancellationToken cancellationToken)
    {
        if (await FindAsync(platformKey, instanceUrl, cancellationToken) is { } known)
        {
            return ConnectorResult<PlatformApp>.Success(known);
        }

        var registered = await connector.RegisterAppAsync(instanceUrl, redirectUri, cancellationToken);
        if (registered.Succeeded)
        {
            var prefix = InstancePrefix(platformKey, instanceUrl);
            await vault.SetAsync($"{prefix}:client_id", registered.Value.ClientId, "system", cancellationToken);
            if (registered.Value.ClientSecret is { Length: > 0 } secret)
            {
                await vault.SetAsync($"{prefix}:client_secret", secret, "system", cancellationToken);
            }
        }

        return registered;
    }

    private static string InstancePrefix(string platformKey, string instanceUrl) =>
        $"{platformKey}:app:{instanceUrl.Trim().TrimEnd('/').ToLowerInvariant()}";
}
