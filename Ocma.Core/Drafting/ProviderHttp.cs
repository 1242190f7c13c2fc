using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Ocma.Core.Drafting;

/// <summary>HTTP details shared by the hosted providers: Retry-After, error envelopes, JSON reading, key redaction.</summary>
internal static class ProviderHttp
{
    public const int AnthropicOverloaded = 529;

    /// <summary>How long the provider asked us to wait: <c>retry-after-ms</c>, then <c>Retry-After</c> (seconds or an HTTP date).</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        if (response.Headers.TryGetValues("retry-after-ms", out var ms)
            && double.TryParse(ms.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var millis) && millis >= 0)
        {
            return TimeSpan.FromMilliseconds(millis);
        }

        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    /// <summary>
    /// The base URL with <paramref name="path"/> appended to its path, keeping any query (Azure-style deployments carry
    /// <c>?api-version=…</c> in the base URL).
    /// </summary>
    public static Uri Endpoint(string baseUrl, string path)
    {
        var builder = new UriBuilder(baseUrl);
        builder.Path = builder.Path.TrimEnd('/') + path;
        return builder.Uri;
    }

    public static bool IsRetryableStatus(HttpStatusCode status) =>
        status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>Parses JSON, or null when the body is not JSON.</summary>
    public static JsonDocument? TryParse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string? String(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static JsonElement? Child(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static int? Int(this JsonElement element, string name) =>
        element.Child(name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number) ? number : null;

    /// <summary>Removes the key from text that came back from a provider before it is shown or logged.</summary>
    public static string Redact(string text, string? key) =>
        string.IsNullOrEmpty(key) ? text : text.Replace(key, "[key]", StringComparison.Ordinal);

    /// <summary>Rough token estimate for servers that do not report usage (about four characters a token).</summary>
    public static int EstimateTokens(string text) => (text.Length + 3) / 4;

    public static string Shorten(string text, int max = 200) => text.Length <= max ? text : text[..max] + "…";
}
