using System.Net;

namespace Ocma.Core.Drafting;

/// <summary>
/// What the HTTP layer saw during one provider call (the last answer's status and Retry-After), for the failure message.
/// The SDKs raise exceptions without response headers; <see cref="DraftingResilienceHandler"/> notes them here, on the
/// call's own async flow.
/// </summary>
internal sealed class ProviderCall : IDisposable
{
    private static readonly AsyncLocal<ProviderCall?> CurrentCall = new();
    private readonly ProviderCall? _outer;

    private ProviderCall()
    {
        _outer = CurrentCall.Value;
        CurrentCall.Value = this;
    }

    public static ProviderCall? Current => CurrentCall.Value;

    public HttpStatusCode? LastStatus { get; private set; }

    public TimeSpan? RetryAfter { get; private set; }

    public static ProviderCall Begin() => new();

    public void Observe(HttpResponseMessage response, TimeProvider time)
    {
        LastStatus = response.StatusCode;
        RetryAfter = ProviderHttp.RetryAfter(response, time);
    }

    public void Dispose() => CurrentCall.Value = _outer;
}
