using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ocma.Core.Drafting;

/// <summary>Chat completions on any OpenAI-compatible server (OpenAI, Azure-style gateways, Ollama, vLLM, LM Studio).</summary>
public sealed class OpenAICompatibleProvider(
    HttpClient http, IOptionsMonitor<DraftingOptions> options, ApiKeySource keys, TimeProvider time, ILogger<OpenAICompatibleProvider> logger)
    : IDraftingProvider
{
    public const string ProviderName = "openai-compatible";

    private OpenAIOptions Settings => options.CurrentValue.OpenAI;

    public string Name => ProviderName;

    public string DisplayName => Settings.DisplayName;

    public string Model => Settings.Model;

    public bool IsBuiltIn => false;

    public async Task<Completion> CompleteAsync(DraftPrompt prompt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var settings = Settings;
        var key = await keys.OpenAIAsync(cancellationToken);
        if (key is null && settings.RequiresKey)
        {
            return Completion.Fail(DraftingMessages.NotConfigured(DisplayName, DraftingSecrets.OpenAIKey));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, ProviderHttp.Endpoint(settings.BaseUrl, "/chat/completions"))
        {
            Content = JsonContent.Create(new Dictionary<string, object>
            {
                ["model"] = settings.Model,
                ["messages"] = new object[] { new { role = "system", content = prompt.System }, new { role = "user", content = prompt.User } },
                [settings.MaxTokensParameter] = prompt.MaxTokens,
            }),
        };
        await request.Content.LoadIntoBufferAsync(cancellationToken); // so a retry can send it again
        if (key is not null)
        {
            if (string.Equals(settings.ApiKeyHeader, "Authorization", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            }
            else
            {
                request.Headers.TryAddWithoutValidation(settings.ApiKeyHeader, key);
            }
        }

        var (answer, failure) = await HostedCall.SendAsync(http, request, DisplayName, options.CurrentValue.Timeout, time, logger, cancellationToken);
        if (failure is not null)
        {
            return Completion.Fail(failure);
        }

        var result = Read(answer!, key, prompt);
        if (result.Failure is { } f)
        {
            HostedCall.LogFailure(logger, DisplayName, f.Kind, (int)answer!.Status, f.ProviderCode);
        }

        return result;
    }

    private Completion Read(HostedCall.Answer answer, string? key, DraftPrompt prompt)
    {
        using var json = ProviderHttp.TryParse(answer.Body);
        var root = json?.RootElement;
        if ((int)answer.Status >= 400)
        {
            var error = root?.Child("error");
            var code = error?.String("code") ?? error?.String("type");
            var message = error?.String("message") is { } m ? ProviderHttp.Redact(m, key) : null;
            if (code == "insufficient_quota")
            {
                return Completion.Fail(DraftingMessages.Quota(DisplayName, code));
            }

            if (code == "content_filter" || code == "content_policy_violation")
            {
                return Completion.Fail(DraftingMessages.ContentFiltered(DisplayName, code));
            }

            return Completion.Fail(HostedCall.ByStatus(answer, DisplayName, code, message));
        }

        if (root is null)
        {
            return Completion.Fail(DraftingMessages.BadResponse(DisplayName, "not JSON"));
        }

        var choice = root.Value.Child("choices") is { ValueKind: JsonValueKind.Array } choices && choices.GetArrayLength() > 0 ? choices[0] : (JsonElement?)null;
        var reply = choice?.Child("message");
        if (choice is null || reply is null)
        {
            return Completion.Fail(DraftingMessages.BadResponse(DisplayName, "no choices in the answer"));
        }

        if (choice.Value.String("finish_reason") == "content_filter" || reply.Value.String("refusal") is { Length: > 0 })
        {
            return Completion.Fail(DraftingMessages.ContentFiltered(DisplayName, "content_filter"));
        }

        var text = reply.Value.String("content");
        if (string.IsNullOrWhiteSpace(text))
        {
            return Completion.Fail(DraftingMessages.BadResponse(DisplayName, "the answer has no text"));
        }

        var usage = root.Value.Child("usage");
        var tokensIn = usage?.Int("prompt_tokens") ?? ProviderHttp.EstimateTokens(prompt.System + prompt.User);
        var tokensOut = usage?.Int("completion_tokens") ?? ProviderHttp.EstimateTokens(text);
        return Completion.Success(text.Trim(), tokensIn, tokensOut);
    }
}
