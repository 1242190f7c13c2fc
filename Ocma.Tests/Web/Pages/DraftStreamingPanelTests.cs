using Bunit;
using Ocma.Core.Audit;
using Ocma.Core.Channels;
using Ocma.Tests.Fakes.Ai;
using Ocma.Tests.Support;
using Ocma.Web.Features.Compose;

namespace Ocma.Tests.Web.Pages;

/// <summary>
/// The draft assistant with a hosted model (the faithful OpenAI fake, streaming): the draft grows in the post text as it is
/// written, and Stop keeps what was written so far.
/// </summary>
public sealed class DraftStreamingPanelTests : AppComponentTest
{
    private FakeOpenAIServer _model = default!;
    private Actor _admin = default!;
    private ChannelSummary _channel = default!;
    private readonly List<string> _texts = [];

    public override async Task InitializeAsync()
    {
        _model = await FakeOpenAIServer.StartNewAsync();
        _admin = await TestUsers.CreateAdminAsync(App);
        _channel = await SandboxChannels.ConnectAsync(App, _admin);
    }

    [Fact]
    public void Draft_GrowsInThePostTextAsTheModelWrites_ThenShowsTheCostedDraft()
    {
        _model.Enqueue(new FakeReply.Text("Cold brew is back in every shop this Monday", 1_000, 500, Gap: TimeSpan.FromMilliseconds(40)));
        var cut = Render("");

        cut.Find("#draft-brief").Input("Cold brew returns Monday");
        cut.Find("#draft-from-brief").Click();

        cut.WaitForAssertion(() => Assert.Contains("OpenAI", cut.Find("[data-testid=draft-meta]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.True(_texts.Count > 3, $"the text arrived in {_texts.Count} step(s)");
        Assert.All(_texts.Zip(_texts.Skip(1)), pair => Assert.StartsWith(pair.First, pair.Second, StringComparison.Ordinal));
        Assert.Equal("Cold brew is back in every shop this Monday", _texts[^1]);
        Assert.Empty(cut.FindAll("#draft-stop"));
    }

    [Fact]
    public void Stop_KeepsWhatWasWrittenSoFar_AndUndoBringsBackTheTextFromBefore()
    {
        _model.Enqueue(new FakeReply.Text(string.Join(' ', Enumerable.Range(1, 40).Select(i => $"word{i}")), 400, 90, Gap: TimeSpan.FromMilliseconds(150)));
        var cut = Render("My own words");
        cut.Find("#draft-brief").Input("Forty words");
        cut.Find("#draft-from-brief").Click();
        cut.WaitForAssertion(() => Assert.True(_texts.Count >= 2), TimeSpan.FromSeconds(10));

        cut.Find("#draft-stop").Click();

        cut.WaitForAssertion(() => Assert.Contains("Stopped.", cut.Find(".draft-notice").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.StartsWith("word1 word2", _texts[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("word40", _texts[^1], StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=draft-meta]"));
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Undo").Click();
        cut.WaitForAssertion(() => Assert.Equal("My own words", _texts[^1])); // a MudButton's click handler may finish after Click() returns
    }

    protected override IReadOnlyDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Drafting:Provider"] = "OpenAICompatible",
        ["Drafting:OpenAI:BaseUrl"] = _model.ApiBase,
        ["Drafting:OpenAI:Model"] = "gpt-test",
        ["Drafting:OpenAI:ApiKey"] = _model.ExpectedKey,
    };

    protected override async Task DisposedAsync()
    {
        await base.DisposedAsync();
        await _model.DisposeAsync();
    }

    private IRenderedComponent<DraftAssistant> Render(string text)
    {
        SignInAs(_admin);
        return RenderInLayout<DraftAssistant>(p => p
            .Add(c => c.BrandId, 1)
            .Add(c => c.Text, text)
            .Add(c => c.TextChanged, t => _texts.Add(t))
            .Add(c => c.Channels, [_channel]));
    }
}
