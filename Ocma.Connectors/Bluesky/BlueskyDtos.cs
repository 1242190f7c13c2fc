using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ocma.Connectors.Bluesky;

internal sealed record BlueskyLogin(string Identifier, string Password);

internal sealed record BlueskySession(string Did, string Handle, string AccessJwt, string RefreshJwt, bool? Active, string? Status, JsonElement? DidDoc);

internal sealed record BlueskyAccount(string Did, string Handle, bool? Active, string? Status);

internal sealed record BlueskyBlobResponse(JsonElement Blob);

internal sealed record BlueskyRecordRef(string Uri, string Cid);

internal sealed record BlueskyRecord(string Uri, string? Cid, JsonElement Value);

internal sealed record BlueskyResolvedHandle(string Did);

internal sealed record BlueskyError(string? Error, string? Message);

internal sealed record BlueskyCreateRecord(string Repo, string Collection, string Rkey, BlueskyPost Record);

internal sealed record BlueskyPost(
    [property: JsonPropertyName("$type")] string Type,
    string Text,
    string CreatedAt,
    IReadOnlyList<string>? Langs,
    IReadOnlyList<BlueskyFacet>? Facets,
    BlueskyImagesEmbed? Embed);

internal sealed record BlueskyFacet(BlueskyByteSlice Index, IReadOnlyList<BlueskyFacetFeature> Features);

internal sealed record BlueskyByteSlice(int ByteStart, int ByteEnd);

internal sealed record BlueskyFacetFeature(
    [property: JsonPropertyName("$type")] string Type,
    string? Uri = null,
    string? Did = null,
    string? Tag = null);

internal sealed record BlueskyImagesEmbed(
    [property: JsonPropertyName("$type")] string Type,
    IReadOnlyList<BlueskyImage> Images);

/// <param name="AspectRatio">Width and height, as the official apps send them so the image is laid out before it loads.</param>
internal sealed record BlueskyImage(string Alt, JsonElement Image, BlueskyAspectRatio? AspectRatio);

internal sealed record BlueskyAspectRatio(int Width, int Height);

internal static class BlueskyJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
