using Bunit;
using Ocma.Core.Audit;
using Ocma.Core.Posts;
using Ocma.Tests.Support;
using Ocma.Web.Features.Compose;

namespace Ocma.Tests.Web.Pages;

/// <summary>
/// The composer while someone types, rendered with bUnit against the real app (the Sandbox's limit set to 20 characters):
/// each channel's counter and rules follow the text, and a channel's own text is checked on its own.
/// </summary>
public sealed class ComposePageTests() : AppComponentTest(new Dictionary<string, string?> { ["Sandbox:TextLimit"] = "20" })
{
    private Actor _admin = default!;
    private int _channelId;

    public override async Task InitializeAsync()
    {
        _admin = await TestUsers.CreateAdminAsync(App);
        _channelId = (await SandboxChannels.ConnectAsync(App, _admin)).Id;
    }

    [Fact]
    public void Typing_CountsForTheChannel_TooLongIsRefusedUntilTheChannelGetsItsOwnShorterText()
    {
        SignInAs(_admin);
        var cut = RenderInLayout<ComposePage>();
        cut.WaitForElement("#post-text");

        cut.Find("#post-text").Input("Short one");
        Assert.Equal("9 / 20", Counter(cut));
        Assert.False(SubmitDisabled(cut));

        cut.Find("#post-text").Input("This text is far too long for it");
        Assert.Equal("32 / 20", Counter(cut));
        Assert.NotEmpty(cut.FindAll("[data-testid=variant-editor] .problem"));
        Assert.True(SubmitDisabled(cut));

        cut.Find(".variant-customize").Click();
        cut.WaitForElement($"#variant-{_channelId}").Input("Fits the Sandbox");
        Assert.Equal("16 / 20", Counter(cut));
        Assert.Empty(cut.FindAll("[data-testid=variant-editor] .problem"));
        Assert.False(SubmitDisabled(cut));
        Assert.Equal("Fits the Sandbox", cut.Find("[data-testid=channel-preview] .preview-text").TextContent.Trim());
    }

    [Fact]
    public async Task Schedule_AtATimeTyped_SavesThePostWithThatTimeAndTheChannelsOwnText()
    {
        SignInAs(_admin);
        var cut = RenderInLayout<ComposePage>();
        cut.WaitForElement("#post-text").Input("Base words for all");
        cut.Find(".variant-customize").Click();
        cut.WaitForElement($"#variant-{_channelId}").Input("Own words");
        cut.FindAll("label").Single(l => l.TextContent.Trim() == "Schedule").QuerySelector("input[type=radio]")!.Click();
        var due = App.Get<TimeProvider>().GetUtcNow().UtcDateTime.Date.AddDays(3).AddHours(9);
        cut.WaitForElement("#due").Change(due.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));

        cut.Find("#compose-submit").Click();

        cut.WaitForAssertion(() => Assert.Contains("Scheduled for", cut.Find(".compose-saved").TextContent, StringComparison.Ordinal));
        var target = (await App.Get<PostQueries>().AllAsync(1, CancellationToken.None)).Single();
        Assert.Equal((due, "Own words", TargetState.Scheduled), (target.DueUtc!.Value, target.Text, target.State));
    }

    private static string Counter(IRenderedComponent<ComposePage> cut) => cut.Find("[data-testid=char-counter]").TextContent.Trim();

    private static bool SubmitDisabled(IRenderedComponent<ComposePage> cut) => cut.Find("#compose-submit").HasAttribute("disabled");
}
