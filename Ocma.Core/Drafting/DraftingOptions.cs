using System.ComponentModel.DataAnnotations;

namespace Ocma.Core.Drafting;

/// <summary>AI drafting. With no settings at all the built-in offline drafter is used.</summary>
public sealed class DraftingOptions : IValidatableObject
{
    public const string SectionName = "Drafting";

    /// <summary>Which provider drafts: <c>BuiltIn</c> (default, offline), <c>OpenAICompatible</c> or <c>Anthropic</c>.</summary>
    public DraftingProviderKind Provider { get; set; } = DraftingProviderKind.BuiltIn;

    public OpenAIOptions OpenAI { get; set; } = new();

    public AnthropicOptions Anthropic { get; set; } = new();

    /// <summary>How long one request may take before it counts as a timeout.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries after a 429 or 5xx (auth and content-filter failures are never retried).</summary>
    [Range(0, 5)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>First backoff delay when the provider does not say how long to wait; doubles per retry.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest Retry-After we wait for; a longer one is reported to the user instead of waited out.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Most tokens a model may write per answer.</summary>
    [Range(16, 32_000)]
    public int MaxOutputTokens { get; set; } = 600;

    /// <summary>Monthly spend per brand, in the price table's currency, unless the brand's voice sets its own. 0 blocks hosted models.</summary>
    [Range(typeof(decimal), "0", "1000000")]
    public decimal DefaultMonthlyBudget { get; set; } = 20m;

    /// <summary>Share of the budget at which people are warned.</summary>
    [Range(0.1, 1.0)]
    public double WarnAtFraction { get; set; } = 0.8;

    /// <summary>
    /// Price per model: per million input and output tokens. A list rather than a map because model names may contain ':'
    /// (e.g. Ollama's "llama3:8b"), which configuration keys cannot.
    /// </summary>
    public List<ModelPrice> Prices { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == DraftingProviderKind.OpenAICompatible)
        {
            foreach (var problem in CheckEndpoint("OpenAI", OpenAI.BaseUrl, OpenAI.Model))
            {
                yield return problem;
            }

            if (OpenAI.MaxTokensParameter is not ("max_tokens" or "max_completion_tokens"))
            {
                yield return new ValidationResult("Drafting:OpenAI:MaxTokensParameter must be max_tokens or max_completion_tokens.", ["OpenAI.MaxTokensParameter"]);
            }
        }

        if (Provider == DraftingProviderKind.Anthropic)
        {
            foreach (var problem in CheckEndpoint("Anthropic", Anthropic.BaseUrl, Anthropic.Model))
            {
                yield return problem;
            }
        }

        for (var i = 0; i < Prices.Count; i++)
        {
            var price = Prices[i];
            if (string.IsNullOrWhiteSpace(price.Model))
            {
                yield return new ValidationResult($"Drafting:Prices:{i}:Model must name the model the price is for.", [nameof(Prices)]);
            }

            if (price.InputPerMillion < 0 || price.OutputPerMillion < 0)
            {
                yield return new ValidationResult($"Drafting:Prices:{i} ({price.Model}) must not be negative.", [nameof(Prices)]);
            }
        }
    }

    private static IEnumerable<ValidationResult> CheckEndpoint(string section, string baseUrl, string model)
    {
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            yield return new ValidationResult($"Drafting:{section}:BaseUrl must be an absolute http(s) URL; it is \"{baseUrl}\".", [$"{section}.BaseUrl"]);
        }

        if (string.IsNullOrWhiteSpace(model))
        {
            yield return new ValidationResult($"Drafting:{section}:Model must name a model.", [$"{section}.Model"]);
        }
    }
}

public enum DraftingProviderKind
{
    BuiltIn,
    OpenAICompatible,
    Anthropic,
}

/// <summary>An OpenAI-compatible chat completions endpoint: OpenAI, Azure-style gateways, Ollama, vLLM, LM Studio.</summary>
public sealed class OpenAIOptions
{
    /// <summary>Up to and including the version path, e.g. "https://api.openai.com/v1", "http://localhost:11434/v1", or an Azure-style "https://x.openai.azure.com/openai/deployments/d?api-version=2024-10-21" (the query is kept).</summary>
    public string BaseUrl { get; set; } = "https://api.openai.com/v1";

    public string Model { get; set; } = "gpt-4o-mini";

    /// <summary>Shown to people, e.g. "OpenAI" or "Ollama".</summary>
    public string DisplayName { get; set; } = "OpenAI";

    /// <summary>Only from the environment or user secrets (Drafting__OpenAI__ApiKey); the Admin secret <c>ai:openai:api_key</c> wins.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Header that carries the key: "Authorization" sends "Bearer {key}"; Azure-style gateways use "api-key".</summary>
    public string ApiKeyHeader { get; set; } = "Authorization";

    /// <summary>"max_tokens" (most servers) or "max_completion_tokens" (newer OpenAI models refuse the former).</summary>
    public string MaxTokensParameter { get; set; } = "max_tokens";

    /// <summary>Local servers (Ollama, LM Studio) need no key.</summary>
    public bool RequiresKey { get; set; } = true;
}

/// <summary>The Anthropic Messages API. The SDK sends the API version it was built for (<c>anthropic-version</c>).</summary>
public sealed class AnthropicOptions
{
    public string BaseUrl { get; set; } = "https://api.anthropic.com";

    public string Model { get; set; } = "claude-3-5-haiku-latest";

    /// <summary>Only from the environment or user secrets (Drafting__Anthropic__ApiKey); the Admin secret <c>ai:anthropic:api_key</c> wins.</summary>
    public string? ApiKey { get; set; }
}

/// <summary>What a model costs per million tokens.</summary>
public sealed class ModelPrice
{
    /// <summary>The model name exactly as configured for the provider (any case).</summary>
    public string Model { get; set; } = "";

    public decimal InputPerMillion { get; set; }

    public decimal OutputPerMillion { get; set; }
}
