using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;

namespace Ocma.Core.Drafting;

/// <summary>
/// Chat completions on any OpenAI-compatible server (OpenAI, Azure-style gateways, Ollama, vLLM, LM Studio), through the
/// OpenAI SDK and Microsoft.Extensions.AI.OpenAI.
/// </summary>
public sealed class OpenAICompatibleProvider(
    HttpClient http, IOptionsMonitor<DraftingOptions> options, ApiKeySource keys, ILogger<OpenAICompatibleProvider> logger)
    : HostedChatProvider(options, logger)
{
    public const string ProviderName = "openai-compatible";

    private OpenAIOptions Settings => Options.OpenAI;

    public override string Name => ProviderName;

    public override string DisplayName => Settings.DisplayName;

    public override string Model => Settings.Model;

    protected override string? MissingKeySecret => Settings.RequiresKey ? DraftingSecrets.OpenAIKey : null;

    protected override Task<string?> KeyAsync(CancellationToken cancellationToken) => keys.OpenAIAsync(cancellationToken);

    protected override IChatClient CreateClient(string? key)
    {
        var settings = Settings;
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(settings.BaseUrl),
            Transport = new HttpClientPipelineTransport(http),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        };
        clientOptions.AddPolicy(new OpenAIGatewayPolicy(settings, key), PipelinePosition.BeforeTransport);
        // The SDK insists on a credential; the gateway policy replaces or removes the header it makes.
        return new ChatClient(settings.Model, new ApiKeyCredential(key ?? "no-key"), clientOptions).AsIChatClient();
    }

    protected override bool IsRefusal(ChatResponse response) =>
        response.RawRepresentation is ChatCompletion { Refusal.Length: > 0 };

    protected override (HttpStatusCode Status, string Body)? ErrorAnswer(Exception exception) =>
        exception is ClientResultException { Status: > 0 } error
            ? ((HttpStatusCode)error.Status, error.GetRawResponse()?.Content?.ToString() ?? "")
            : null;

    private protected override DraftingFailure Classify(HostedCall.Answer answer, string? key)
    {
        using var json = ProviderHttp.TryParse(answer.Body);
        var error = json?.RootElement.Child("error");
        var code = error?.String("code") ?? error?.String("type");
        var message = error?.String("message") is { } m ? ProviderHttp.Redact(m, key) : null;
        return code switch
        {
            "insufficient_quota" => DraftingMessages.Quota(DisplayName, code),
            "content_filter" or "content_policy_violation" => DraftingMessages.ContentFiltered(DisplayName, code),
            _ => HostedCall.ByStatus(answer, DisplayName, code, message),
        };
    }
}
