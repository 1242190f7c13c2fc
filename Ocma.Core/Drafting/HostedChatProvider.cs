using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ocma.Core.Drafting;

/// <summary>
/// A hosted model behind Microsoft.Extensions.AI's <see cref="IChatClient"/>: finds the key, builds the provider SDK's chat
/// client for this call (key and settings can change at any time), and turns its answer or exception into a
/// <see cref="Completion"/>. Subclasses say how to build the client and how to read their provider's errors.
/// </summary>
public abstract class HostedChatProvider(IOptionsMonitor<DraftingOptions> options, ILogger logger) : IDraftingProvider
{
    public abstract string Name { get; }

    public abstract string DisplayName { get; }

    public abstract string Model { get; }

    public bool IsBuiltIn => false;

    protected DraftingOptions Options => options.CurrentValue;

    protected ILogger Logger => logger;

    public async Task<Completion> CompleteAsync(DraftPrompt prompt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var (client, key, missing) = await OpenAsync(cancellationToken);
        if (missing is not null)
        {
            return Completion.Fail(missing);
        }

        using var call = ProviderCall.Begin();
        using (client)
        {
            try
            {
                var response = await client!.GetResponseAsync(Messages(prompt), ChatOptionsFor(prompt), cancellationToken);
                return Read(response.Text, response.FinishReason, response.Usage, IsRefusal(response), prompt);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                return Completion.Fail(Failure(ex, key, call, cancellationToken));
            }
        }
    }

    public async IAsyncEnumerable<CompletionUpdate> StreamAsync(DraftPrompt prompt, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var (client, key, missing) = await OpenAsync(cancellationToken);
        if (missing is not null)
        {
            yield return CompletionUpdate.Done(Completion.Fail(missing));
            yield break;
        }

        using var call = ProviderCall.Begin();
        using var _ = client;
        var text = new StringBuilder();
        UsageDetails? usage = null;
        ChatFinishReason? finish = null;
        await using var updates = client!.GetStreamingResponseAsync(Messages(prompt), ChatOptionsFor(prompt), cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            DraftingFailure? failure = null;
            try
            {
                if (!await updates.MoveNextAsync())
                {
                    break;
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                failure = Failure(ex, key, call, cancellationToken);
            }

            if (failure is not null)
            {
                yield return CompletionUpdate.Done(Completion.Fail(failure));
                yield break;
            }

            var update = updates.Current;
            finish = update.FinishReason ?? finish;
            usage = update.Contents.OfType<UsageContent>().LastOrDefault()?.Details ?? usage;
            if (update.Text is { Length: > 0 } piece)
            {
                text.Append(piece);
                yield return CompletionUpdate.Delta(piece);
            }
        }

        yield return CompletionUpdate.Done(Read(text.ToString(), finish, usage, refusal: false, prompt));
    }

    /// <summary>The provider's key: the Admin secret first, then configuration. Null when none is set.</summary>
    protected abstract Task<string?> KeyAsync(CancellationToken cancellationToken);

    /// <summary>The secret an Admin sets when there is no key; null when this provider may run without one.</summary>
    protected abstract string? MissingKeySecret { get; }

    /// <summary>This call's chat client, on the typed HTTP client (with Ocma's retry and timeout) and the SDK's own retries off.</summary>
    protected abstract IChatClient CreateClient(string? key);

    /// <summary>The provider's refusal that is not a finish reason (OpenAI's <c>refusal</c> message).</summary>
    protected virtual bool IsRefusal(ChatResponse response) => false;

    /// <summary>Servers that report no token usage get an estimate; false makes a missing usage a bad answer.</summary>
    protected virtual bool EstimatesMissingUsage => true;

    /// <summary>The provider's error answer, when the exception carries one (status and body).</summary>
    protected abstract (System.Net.HttpStatusCode Status, string Body)? ErrorAnswer(Exception exception);

    /// <summary>Reads the provider's error envelope into a failure (quota, content filter, then by status).</summary>
    private protected abstract DraftingFailure Classify(HostedCall.Answer answer, string? key);

    private async Task<(IChatClient? Client, string? Key, DraftingFailure? Missing)> OpenAsync(CancellationToken cancellationToken)
    {
        var key = await KeyAsync(cancellationToken);
        return key is null && MissingKeySecret is { } secret
            ? (null, null, DraftingMessages.NotConfigured(DisplayName, secret))
            : (CreateClient(key), key, null);
    }

    private ChatOptions ChatOptionsFor(DraftPrompt prompt) => new() { ModelId = Model, MaxOutputTokens = prompt.MaxTokens };

    private static List<ChatMessage> Messages(DraftPrompt prompt) => [new(ChatRole.System, prompt.System), new(ChatRole.User, prompt.User)];

    private DraftingFailure Failure(Exception exception, string? key, ProviderCall call, CancellationToken cancellationToken)
    {
        if (ErrorAnswer(exception) is { } error && (int)error.Status > 0)
        {
            var failure = Classify(new HostedCall.Answer(error.Status, error.Body, call.RetryAfter), key);
            HostedCall.LogFailure(logger, DisplayName, failure.Kind, (int)error.Status, failure.ProviderCode);
            return failure;
        }

        return HostedCall.Transport(exception, DisplayName, Options.Timeout, logger, cancellationToken)
            ?? HostedCall.Unreadable(exception, DisplayName, logger);
    }

    private Completion Read(string? text, ChatFinishReason? finish, UsageDetails? usage, bool refusal, DraftPrompt prompt)
    {
        if (finish == ChatFinishReason.ContentFilter || refusal)
        {
            return Completion.Fail(DraftingMessages.ContentFiltered(DisplayName, "content_filter"));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Completion.Fail(DraftingMessages.BadResponse(DisplayName, "the answer has no text"));
        }

        if (usage?.InputTokenCount is not { } tokensIn || usage.OutputTokenCount is not { } tokensOut)
        {
            if (!EstimatesMissingUsage)
            {
                return Completion.Fail(DraftingMessages.BadResponse(DisplayName, "the answer has no token usage"));
            }

            tokensIn = ProviderHttp.EstimateTokens(prompt.System + prompt.User);
            tokensOut = ProviderHttp.EstimateTokens(text);
        }

        return Completion.Success(text.Trim(), (int)tokensIn, (int)tokensOut);
    }
}
