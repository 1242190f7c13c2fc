namespace Ocma.Core.Drafting;

/// <summary>Names of the Admin secrets that hold provider keys.</summary>
public static class DraftingSecrets
{
    public const string OpenAIKey = "ai:openai:api_key";
    public const string AnthropicKey = "ai:anthropic:api_key";
}
