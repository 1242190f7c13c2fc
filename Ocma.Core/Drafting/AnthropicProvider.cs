using System.Net;
using Anthropic;
using Anthropic.Exceptions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ocma.Core.Drafting;

/// <summary>The Anthropic Messages API, through Anthropic's official SDK and its <see cref="IChatClient"/>.</summary>
public sealed class AnthropicProvider(
    HttpClient http, IOptionsMonitor<DraftingOptions> options, ApiKeySource keys, ILogger<AnthropicProvider> logger)
    : HostedChatProvider(options, logger)
{
    public const string ProviderName = "anthropic";

    private AnthropicOptions Settings => Options.Anthropic;

    public override string Name => ProviderName;

    public override string DisplayName => "Anthropic";

    public override string Model => Settings.Model;

    protected override string? MissingKeySecret => DraftingSecrets.AnthropicKey;

    protected override bool EstimatesMissingUsage => false;

    protected override Task<string?> KeyAsync(CancellationToken cancellationToken) => keys.AnthropicAsync(cancellationToken);

    protected override IChatClient CreateClient(string? key) => new AnthropicClient
    {
        HttpClient = http,
        BaseUrl = Settings.BaseUrl.TrimEnd('/'),
        ApiKey = key,
        AuthToken = null, // the key above, never a token from the environment
        MaxRetries = 0, // Ocma's handler retries; its timeout applies per attempt
        Timeout = Timeout.InfiniteTimeSpan,
    }.AsIChatClient(Settings.Model);

    protected override (HttpStatusCode Status, string Body)? ErrorAnswer(Exception exception) =>
        exception is AnthropicApiException error ? (error.StatusCode, error.ResponseBody) : null;

    private protected override DraftingFailure Classify(HostedCall.Answer answer, string? key)
    {
        using var json = ProviderHttp.TryParse(answer.Body);
        var error = json?.RootElement.Child("error");
        var type = error?.String("type");
        var message = error?.String("message") is { } m ? ProviderHttp.Redact(m, key) : null;
        var status = (int)answer.Status;
        if (status == 402 || type == "billing_error" || (message?.Contains("credit balance", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            return DraftingMessages.Quota(DisplayName, type);
        }

        return status == ProviderHttp.AnthropicOverloaded || type == "overloaded_error"
            ? DraftingMessages.Unavailable(DisplayName, type)
            : HostedCall.ByStatus(answer, DisplayName, type, message);
    }
}
