namespace Ocma.Core.Drafting;

/// <summary>A prompt as sent to a provider: the system instructions (brand voice included), the user message, and the task behind them.</summary>
public sealed record DraftPrompt(string System, string User, int MaxTokens, DraftTask Task);
