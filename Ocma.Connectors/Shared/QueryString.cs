namespace Ocma.Connectors.Shared;

/// <summary>Builds URLs with escaped query parameters.</summary>
public static class QueryString
{
    public static Uri Build(Uri endpoint, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var query = string.Join('&', parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        var builder = new UriBuilder(endpoint) { Query = query };
        return builder.Uri;
    }
}
