using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Ocma.Core.Secrets;

namespace Ocma.Core.Drafting;

/// <summary>Finds a provider key: the Admin secret first, then configuration (environment). Never logs or returns it anywhere else.</summary>
public sealed class ApiKeySource(SecretVault vault, IOptionsMonitor<DraftingOptions> options)
{
    public Task<string?> OpenAIAsync(CancellationToken cancellationToken) =>
        FindAsync(DraftingSecrets.OpenAIKey, options.CurrentValue.OpenAI.ApiKey, cancellationToken);

    public Task<string?> AnthropicAsync(CancellationToken cancellationToken) =>
        FindAsync(DraftingSecrets.AnthropicKey, options.CurrentValue.Anthropic.ApiKey, cancellationToken);

    private async Task<string?> FindAsync(string secretName, string? configured, CancellationToken cancellationToken)
    {
        try
        {
            var stored = await vault.GetAsync(secretName, cancellationToken);
            if (!string.IsNullOrWhiteSpace(stored))
            {
                return stored.Trim();
            }
        }
        catch (CryptographicException)
        {
            // The key ring changed since the secret was stored: treat it as not set, the message tells the Admin to set it again.
        }

        return string.IsNullOrWhiteSpace(configured) ? null : configured.Trim();
    }
}
