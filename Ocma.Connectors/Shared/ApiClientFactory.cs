using Microsoft.Extensions.Http;

namespace Ocma.Connectors.Shared;

/// <summary>
/// Creates a fresh typed API client per operation, so singleton connectors never hold an HttpClient and the
/// handler pipeline (with its connection lifetime) stays owned by IHttpClientFactory.
/// </summary>
public sealed class ApiClientFactory<TClient>(IHttpClientFactory httpClients, ITypedHttpClientFactory<TClient> typedClients)
    where TClient : class
{
    public TClient Create() => typedClients.CreateClient(httpClients.CreateClient(typeof(TClient).Name));
}
