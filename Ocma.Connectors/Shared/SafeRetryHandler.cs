using System.Net;
using Polly;
using Polly.Retry;

namespace Ocma.Connectors.Shared;

/// <summary>
/// Retries GET and HEAD on passing faults (5xx, 408, connection errors) with a short backoff. Never retries
/// POST, PUT, DELETE or PATCH: the publishing pipeline owns those decisions, after reconciling.
/// </summary>
public sealed class SafeRetryHandler(int retries, TimeSpan baseDelay) : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<HttpMethod> MethodKey = new("ocma.http.method");
    private static readonly HttpRequestOptionsKey<bool> OnceKey = new("ocma.http.once");

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
        .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = Math.Max(1, retries),
            Delay = baseDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = args => ValueTask.FromResult(
                args.Context.Properties.TryGetValue(MethodKey, out var method)
                && HttpFailures.IsSafe(method)
                && retries > 0
                && IsPassing(args.Outcome)),
            OnRetry = args =>
            {
                args.Outcome.Result?.Dispose();
                return ValueTask.CompletedTask;
            },
        })
        .Build();

    /// <summary>Marks a GET that changes something on the platform (e.g. spends a single-use code): it is never repeated.</summary>
    public static HttpRequestMessage Once(HttpRequestMessage request)
    {
        request.Options.Set(OnceKey, true);
        return request;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(MethodKey, request.Options.TryGetValue(OnceKey, out var once) && once ? HttpMethod.Post : request.Method);
        try
        {
            return await _pipeline.ExecuteAsync(
                static async (ctx, state) => await state.Handler.BaseSend(state.Request, ctx.CancellationToken).ConfigureAwait(false),
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> BaseSend(HttpRequestMessage request, CancellationToken cancellationToken) => base.SendAsync(request, cancellationToken);

    private static bool IsPassing(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException } => true,
        { Result: { } response } => response.StatusCode == HttpStatusCode.RequestTimeout || (int)response.StatusCode >= 500,
        _ => false,
    };
}
