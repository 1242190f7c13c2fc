using System.Net;
using Ocma.Core.Connectors;

namespace Ocma.Connectors.Shared;

/// <summary>
/// The one place HTTP outcomes become failure kinds. Platform error maps (XxxErrors) refine this with the
/// platform's own codes; anything they don't recognise falls back to the status here.
/// </summary>
public static class HttpFailures
{
    /// <summary>Classifies a status code. Codes nobody planned for are Transient.</summary>
    public static FailureKind Classify(HttpStatusCode status) => (int)status switch
    {
        400 or 404 or 409 or 413 or 415 or 422 => FailureKind.Rejected,
        401 => FailureKind.AuthRevoked,
        403 or 405 or 426 => FailureKind.Misconfigured,
        429 => FailureKind.RateLimited,
        503 => FailureKind.Unavailable,
        _ => FailureKind.Transient,
    };

    /// <summary>
    /// Classifies an exception thrown while sending. When the request may have reached the platform and the
    /// method is not safe to repeat, the outcome is unknown: the caller must look the post up, not retry.
    /// </summary>
    public static ConnectorFailure FromException(Exception exception, HttpMethod method, string platform)
    {
        var neverLeft = exception is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError };
        if (neverLeft)
        {
            return new ConnectorFailure(FailureKind.Transient, $"Ocma could not reach {platform}; nothing was sent. It will try again.");
        }

        if (!IsSafe(method))
        {
            return new ConnectorFailure(FailureKind.OutcomeUnknown, $"The request reached {platform} but no answer came back, so it is not known whether it was applied. Ocma checks before trying again.");
        }

        return exception is TaskCanceledException or TimeoutException
            ? new ConnectorFailure(FailureKind.Transient, $"{platform} did not answer in time.")
            : new ConnectorFailure(FailureKind.Transient, $"The connection to {platform} failed.");
    }

    /// <summary>True for methods that are safe to repeat (GET, HEAD).</summary>
    public static bool IsSafe(HttpMethod method) => method == HttpMethod.Get || method == HttpMethod.Head;

    /// <summary>True when the exception is one a network call can throw (not a bug in our code).</summary>
    public static bool IsNetworkFault(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException or IOException || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested);
}
