using System.Net;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace Ocma.Core.Drafting;

/// <summary>Turns what a hosted provider's SDK threw or answered into a classified failure, in words.</summary>
internal static partial class HostedCall
{
    /// <summary>A provider's error answer: its status, its body, and how long it asked us to wait.</summary>
    public sealed record Answer(HttpStatusCode Status, string Body, TimeSpan? RetryAfter);

    /// <summary>A timeout or an unreachable server, whichever SDK wrapped it; null when the exception is neither.</summary>
    public static DraftingFailure? Transport(Exception exception, string provider, TimeSpan timeout, ILogger logger, CancellationToken cancellationToken)
    {
        var chain = Chain(exception).ToList();
        if (chain.Any(e => e is TimeoutRejectedException) || (chain.Any(e => e is OperationCanceledException) && !cancellationToken.IsCancellationRequested))
        {
            LogTransport(logger, provider, "timeout");
            return DraftingMessages.Timeout(provider, timeout);
        }

        if (chain.OfType<HttpRequestException>().FirstOrDefault() is { } unreachable)
        {
            LogTransport(logger, provider, unreachable.HttpRequestError.ToString());
            return DraftingMessages.Unreachable(provider);
        }

        return null;
    }

    /// <summary>An answer or exception Ocma cannot read; only the exception's type is logged (its text may quote the answer).</summary>
    public static DraftingFailure Unreadable(Exception exception, string provider, ILogger logger)
    {
        LogUnreadable(logger, provider, exception.GetType().Name);
        return DraftingMessages.BadResponse(provider, "an answer in an unexpected shape");
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

    private static IEnumerable<Exception> Chain(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            yield return exception;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Drafting call to {Provider} failed in transport: {Reason}")]
    private static partial void LogTransport(ILogger logger, string provider, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Drafting call to {Provider} returned an answer Ocma could not read ({ExceptionType})")]
    private static partial void LogUnreadable(ILogger logger, string provider, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Drafting call to {Provider} failed: {Kind} (HTTP {Status}, code {Code})")]
    public static partial void LogFailure(ILogger logger, string provider, DraftingFailureKind kind, int status, string? code);
}
