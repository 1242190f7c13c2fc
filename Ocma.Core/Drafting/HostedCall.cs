using System.Net;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace Ocma.Core.Drafting;

/// <summary>Sends one provider request and turns transport failures (timeout, unreachable) into classified failures.</summary>
internal static partial class HostedCall
{
    public sealed record Answer(HttpStatusCode Status, string Body, TimeSpan? RetryAfter);

    public static async Task<(Answer? Answer, DraftingFailure? Failure)> SendAsync(
        HttpClient http, HttpRequestMessage request, string provider, TimeSpan timeout, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return (new Answer(response.StatusCode, body, ProviderHttp.RetryAfter(response, time)), null);
        }
        catch (TimeoutRejectedException)
        {
            LogTransport(logger, provider, "timeout");
            return (null, DraftingMessages.Timeout(provider, timeout));
        }
        catch (HttpRequestException ex)
        {
            LogTransport(logger, provider, ex.HttpRequestError.ToString());
            return (null, DraftingMessages.Unreachable(provider));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogTransport(logger, provider, "timeout");
            return (null, DraftingMessages.Timeout(provider, timeout));
        }
    }

    /// <summary>The status-code part of classification, shared by both providers; body-specific codes are checked by the caller first.</summary>
    public static DraftingFailure ByStatus(Answer answer, string provider, string? code, string? message)
    {
        var status = (int)answer.Status;
        return status switch
        {
            401 or 403 => DraftingMessages.Auth(provider, code),
            429 => DraftingMessages.RateLimited(provider, answer.RetryAfter, code),
            >= 500 => DraftingMessages.Unavailable(provider, code),
            _ => DraftingMessages.BadResponse(provider, $"HTTP {status}{(message is null ? "" : ": " + ProviderHttp.Shorten(message))}", code),
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Drafting call to {Provider} failed in transport: {Reason}")]
    private static partial void LogTransport(ILogger logger, string provider, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Drafting call to {Provider} failed: {Kind} (HTTP {Status}, code {Code})")]
    public static partial void LogFailure(ILogger logger, string provider, DraftingFailureKind kind, int status, string? code);
}
