using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ocma.Connectors.Mastodon;

internal static class MastodonJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

internal sealed record MastodonAppRequest(string ClientName, string RedirectUris, string Scopes, string? Website);

internal sealed record MastodonApp(string? ClientId, string? ClientSecret);

internal sealed record MastodonAccount(string Id, string Username, string? Acct, string? DisplayName, string? Url);

internal sealed record MastodonMedia(string Id, string? Type, string? Url);

internal sealed record MastodonStatusRequest(string Status, IReadOnlyList<string>? MediaIds, string Visibility);

internal sealed record MastodonStatus(string Id, string? Url, string? Uri, DateTimeOffset CreatedAt, string? Content);

internal sealed record MastodonError(string? Error, string? ErrorDescription);
