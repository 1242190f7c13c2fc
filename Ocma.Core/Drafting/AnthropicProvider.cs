using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ocma.Core.Drafting;

/// <summary>The Anthropic Messages API.</summary>
public sealed class AnthropicProvider(
    HttpClient http, IOptionsMonitor<DraftingOptions> options, ApiKeySource keys, TimeProvider time, ILogger<AnthropicProvider> logger)
    : IDraftingProvider
{
    public const string ProviderName = "anthropic";

    private AnthropicOptions Settings => options.CurrentValue.Anthropic;

    public string Name => ProviderName;

    public string DisplayName => "Anthropic";

    public string Model => Settings.Model;

    public bool IsBuiltIn => false;

    public async Task<Completion> CompleteAsync(DraftPrompt prompt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var settings = Settings;
        var key = await keys.AnthropicAsync(cancellationToken);
        if (key is null)
        {
            return Completion.Fail(DraftingMessages.NotConfigured(DisplayName, DraftingSecrets.AnthropicKey));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, ProviderHttp.Endpoint(settings.BaseUrl, "/v1/messages"))
        {
            Content = JsonContent.Create(new
            {
                model = settings.Model,
                max_tokens = prompt.MaxTokens,
                system = prompt.System,
                messages = new object[] { new { role = "user", content = prompt.User } },
            }),
        };
        await request.Content.LoadIntoBufferAsync(cancellationToken); // so a retry can send it again
        request.Headers.TryAddWithoutValidation("x-api-key", key);
        request.Headers.TryAddWithoutValidation("anthropic-version", settings.Version);

        var (answer, failure) = await HostedCall.SendAsync(http, request, DisplayName, options.CurrentValue.Timeout, time, logger, cancellationToken);
        if (failure is not null)
        {
            return Completion.Fail(failure);
        }

        var result = Read(answer!, key);
        if (result.Failure is { } f)
        {
            HostedCall.LogFailure(logger, DisplayName, f.Kind, (int)answer!.Status, f.ProviderCode);
        }

        return result;
    }

    private Completion Read(HostedCall.Answer answer, string key)
    {
        using var json = ProviderHttp.TryParse(answer.Body);
        var root = json?.RootElement;
        var status = (int)answer.Status;
        if (status >= 400)
        {
            var error = root?.Child("error");
            var type = error?.String("type");
            var message = error?.String("message") is { } m ? ProviderHttp.Redact(m, key) : null;
            if (status == 402 || type == "billing_error" || (message?.Contains("credit balance", StringComparison.OrdinalIgnoreCase) ?? false))
            {
                return Completion.Fail(DraftingMessages.Quota(DisplayName, type));
            }

            if (status == ProviderHttp.AnthropicOverloaded || type == "overloaded_error")
            {
                return Completion.Fail(DraftingMessages.Unavailable(DisplayName, type));
            }

            return Completion.Fail(HostedCall.ByStatus(answer, DisplayName, type, message));
        }

        if (root is null)
        {
            return Completion.Fail(DraftingMessages.BadResponse(DisplayName, "not JSON"));
        }

        if (root.Value.String("stop_reason") == "refusal")
        {
            return Completion.Fail(DraftingMessages.ContentFiltered(DisplayName, "refusal"));
        }

        if (root.Value.Child("content") is not { ValueKind: JsonValueKind.Array } blocks)
        {
            return Completion.Fail(DraftingMessages.BadResponse(DisplayName, "no content in the answer"));
        }

        var text = new StringBuilder();
        foreach (var block in blocks.EnumerateArray().Where(b => b.String("type") == "text"))
        {
            text.Append(block.String("text"));
        }

        var usage = root.Value.Child("usage");
        var tokensIn = usage?.Int("input_tokens");
        var tokensOut = usage?.Int("output_tokens");
        if (text.Length == 0 || tokensIn is null || tokensOut is null)
        {
            return Completion.Fail(DraftingMessages.BadResponse(DisplayName, text.Length == 0 ? "the answer has no text" : "the answer has no token usage"));
        }

        return Completion.Success(text.ToString().Trim(), tokensIn.Value, tokensOut.Value);
    }
}
