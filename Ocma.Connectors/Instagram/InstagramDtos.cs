using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ocma.Connectors.Instagram;

internal static class InstagramJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };
}

/// <remarks>Permissions are left out: Instagram has sent them both as a list and as one comma-separated string.</remarks>
internal sealed record InstagramShortToken(string? AccessToken, JsonElement? UserId)
{
    public string? User => UserId is { ValueKind: JsonValueKind.String } s ? s.GetString() : UserId?.ToString();
}

internal sealed record InstagramMe(string? Id, string? UserId, string? Username, string? Name);

internal sealed record InstagramId(string Id);

internal sealed record InstagramContainer(string? Id, string? StatusCode, string? Status);

internal sealed record InstagramMediaList(IReadOnlyList<InstagramMedia>? Data);

internal sealed record InstagramMedia(string Id, string? Caption, string? Timestamp, string? Permalink);

internal sealed record InstagramErrorBody(InstagramError? Error);

internal sealed record InstagramError(string? Message, string? Type, int? Code, int? ErrorSubcode, string? ErrorUserMsg);
