using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Ocma.Core.Drafting;

/// <summary>
/// Retries what is safe to retry for a drafting call — 429 (unless the account is out of credit) and 5xx — with backoff that honours
/// the provider's Retry-After (capped), and applies the per-attempt timeout. Auth, content-filter and other 4xx answers pass straight through.
/// The SDKs' own retries are switched off, so this is the one retry policy for drafting calls.
/// </summary>
public sealed partial class DraftingResilienceHandler : DelegatingHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly TimeProvider _time;

    public DraftingResilienceHandler(IOptionsMonitor<DraftingOptions> options, TimeProvider time, ILogger<DraftingResilienceHandler> logger)
    {
        _time = time;
        var settings = options.CurrentValue;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = settings.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = settings.RetryBaseDelay,
                MaxDelay = settings.MaxRetryDelay,
                UseJitter = false,
                ShouldHandle = args => ShouldRetryAsync(args.Outcome, settings.MaxRetryDelay, time),
                DelayGenerator = args => new ValueTask<TimeSpan?>(args.Outcome.Result is { } response ? ProviderHttp.RetryAfter(response, time) : null),
                OnRetry = args =>
                {
                    LogRetry(logger, (int?)args.Outcome.Result?.StatusCode, args.Outcome.Exception?.GetType().Name, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddTimeout(settings.Timeout);
        _pipeline = builder.Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await _pipeline.ExecuteAsync(
            static (state, token) => new ValueTask<HttpResponseMessage>(state.Handler.SendOnceAsync(state.Request, token)),
            (Handler: this, Request: request),
            cancellationToken);
        ProviderCall.Current?.Observe(response, _time);
        return response;
    }

    private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    private static async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, TimeSpan maxDelay, TimeProvider time)
    {
        if (outcome.Exception is HttpRequestException)
        {
            return true; // connection refused or reset: nothing was generated, safe to try again
        }

        if (outcome.Result is not { } response || !ProviderHttp.IsRetryableStatus(response.StatusCode))
        {
            return false;
        }

        if (ProviderHttp.RetryAfter(response, time) is { } wait && wait > maxDelay)
        {
            return false; // longer than we are willing to make someone wait: report it instead
        }

        if (response.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
        {
            await response.Content.LoadIntoBufferAsync();
            var body = await response.Content.ReadAsStringAsync();
            return !body.Contains("insufficient_quota", StringComparison.Ordinal); // out of credit: retrying cannot help
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Drafting provider answered {Status} {Exception}; retry {Attempt} in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, int? status, string? exception, int attempt, double delayMs);
}
