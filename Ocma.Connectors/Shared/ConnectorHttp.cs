using System.Net.Http.Json;
using System.Text.Json;
using Ocma.Core.Connectors;

namespace Ocma.Connectors.Shared;

/// <summary>Sends a request and turns network faults into failure values (never exceptions).</summary>
public static class ConnectorHttp
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<ConnectorResult<HttpResponseMessage>> SendAsync(HttpClient client, HttpRequestMessage request, string platform, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            return ConnectorResult<HttpResponseMessage>.Success(response);
        }
        catch (Exception exception) when (HttpFailures.IsNetworkFault(exception, cancellationToken))
        {
            return ConnectorResult<HttpResponseMessage>.Fail(HttpFailures.FromException(exception, request.Method, platform));
        }
    }

    /// <summary>Reads a JSON body, or null when the body is empty or not the expected JSON.</summary>
    public static async Task<T?> ReadJsonAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken, JsonSerializerOptions? options = null)
        where T : class
    {
        try
        {
            return response.Content.Headers.ContentLength == 0
                ? null
                : await response.Content.ReadFromJsonAsync<T>(options ?? Json, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A failure for a 2xx response whose body did not make sense.</summary>
    public static ConnectorFailure Unreadable(string platform) =>
        new(FailureKind.Transient, $"{platform} sent an answer Ocma could not read.");
}
