using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ocma.Connectors.X;

internal static class XJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

internal sealed record XData<T>(T? Data);

internal sealed record XUser(string Id, string? Name, string? Username);

internal sealed record XTweet(string Id, string? Text, DateTimeOffset? CreatedAt);

internal sealed record XTweetRequest(string Text, XTweetMedia? Media);

internal sealed record XTweetMedia(IReadOnlyList<string> MediaIds);

internal sealed record XMediaInit(string MediaType, long TotalBytes, string MediaCategory);

internal sealed record XMedia(string Id, XProcessingInfo? ProcessingInfo);

internal sealed record XProcessingInfo(string? State, int? CheckAfterSecs, XMediaError? Error);

internal sealed record XMediaError(string? Name, string? Message);

internal sealed record XProblem(string? Title, string? Detail, string? Type, int? Status, IReadOnlyList<XProblemError>? Errors);

internal sealed record XProblemError(string? Message, int? Code);
