using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json.Nodes;

namespace Ocma.Core.Drafting;

/// <summary>
/// What OpenAI-compatible servers other than OpenAI need, applied to each request just before it is sent: the key in the
/// header the server wants (or none, for local servers), the base URL's query kept (Azure-style <c>?api-version=…</c>),
/// and the output limit under the name the server knows (<c>max_tokens</c> for most; the SDK writes <c>max_completion_tokens</c>).
/// </summary>
internal sealed class OpenAIGatewayPolicy(OpenAIOptions settings, string? key) : PipelinePolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Prepare(message);
        ProcessNext(message, pipeline, currentIndex);
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Prepare(message);
        await ProcessNextAsync(message, pipeline, currentIndex);
    }

    private void Prepare(PipelineMessage message)
    {
        var request = message.Request;
        var bearer = string.Equals(settings.ApiKeyHeader, "Authorization", StringComparison.OrdinalIgnoreCase);
        if (key is null || !bearer)
        {
            request.Headers.Remove("Authorization");
        }

        if (key is not null && !bearer)
        {
            request.Headers.Set(settings.ApiKeyHeader, key);
        }

        // Ocma only ever asks for chat completions: the configured base URL plus that path, its query kept.
        request.Uri = ProviderHttp.Endpoint(settings.BaseUrl, "/chat/completions");

        if (settings.MaxTokensParameter != "max_completion_tokens" && request.Content is { } content)
        {
            request.Content = RenameLimit(content, settings.MaxTokensParameter);
        }
    }

    private static BinaryContent RenameLimit(BinaryContent content, string name)
    {
        using var buffer = new MemoryStream();
        content.WriteTo(buffer);
        if (JsonNode.Parse(buffer.ToArray()) is not JsonObject body || body["max_completion_tokens"] is not { } limit)
        {
            return BinaryContent.Create(BinaryData.FromBytes(buffer.ToArray()));
        }

        body.Remove("max_completion_tokens");
        body[name] = limit.DeepClone();
        return BinaryContent.Create(BinaryData.FromString(body.ToJsonString()));
    }
}
