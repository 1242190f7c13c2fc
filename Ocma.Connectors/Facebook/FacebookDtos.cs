using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ocma.Connectors.Facebook;

internal static class FacebookJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };
}

internal sealed record FacebookPages(IReadOnlyList<FacebookPage>? Data);

internal sealed record FacebookPage(string Id, string? Name, string? AccessToken, IReadOnlyList<string>? Tasks);

internal sealed record FacebookCreated(string Id, string? PostId);

internal sealed record FacebookPosts(IReadOnlyList<FacebookPost>? Data);

internal sealed record FacebookPost(string Id, string? Message, string? CreatedTime);

internal sealed record FacebookNode(string Id, string? Name);

internal sealed record FacebookErrorBody(FacebookError? Error);

internal sealed record FacebookError(string? Message, string? Type, int? Code, int? ErrorSubcode, string? ErrorUserMsg, string? FbtraceId);
