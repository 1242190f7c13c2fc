using Ocma.Core.Channels;
using Ocma.Core.Posts;
using Ocma.Web.Features.Compose;

namespace Ocma.Tests.Web.Components;

public sealed class ComposeFormTests
{
    private static readonly EditablePost Post = new(5, "Base", "Notes", null, new DateTime(2026, 11, 24, 1, 0, 0, DateTimeKind.Utc),
    [
        new EditableTarget(1, 10, "@sent · sandbox", TargetState.Published, null, "Base", null),
        new EditableTarget(2, 11, "@open · sandbox", TargetState.Scheduled, "Own words", "Own words", null),
        new EditableTarget(3, 12, "@gone · sandbox", TargetState.Canceled, null, "Base", null),
    ],
    []);

    [Fact]
    public void Fill_ToEdit_KeepsSentChannelsApartWithTheTextTheyWereSent()
    {
        var form = new ComposeForm();

        form.Fill(Post, editing: true);

        Assert.Equal([10, 11, 12], form.Selected.Order());
        Assert.Equal([10, 12], form.Sent.Keys.Order());
        Assert.Equal("Own words", form.VariantOf(11));
        Assert.Equal("Base", form.VariantOf(10));
        Assert.Equal(ComposeMode.Schedule, form.Mode);
    }

    [Fact]
    public void Fill_ToCopy_TakesTextsAndChannelsButNotCanceledOnesAsANewDraft()
    {
        var form = new ComposeForm();

        form.Fill(Post, editing: false);

        Assert.Equal([10, 11], form.Selected.Order());
        Assert.Empty(form.Sent);
        Assert.Equal(ComposeMode.SaveDraft, form.Mode);
        Assert.Equal(("Base", "Notes"), (form.Text, form.Notes));
    }

    [Fact]
    public void Request_LeavesOutTextsOfChannelsNoLongerPicked()
    {
        var form = new ComposeForm { Text = "Base" };
        form.Toggle(1, true);
        form.Toggle(2, true);
        form.SetVariant(1, "One");
        form.SetVariant(2, "Two");
        form.Toggle(2, false);

        var request = form.Request(3, ComposeMode.SaveDraft);

        Assert.Equal([1], request.ChannelIds);
        Assert.Equal(new Dictionary<int, string> { [1] = "One" }, request.Variants);
    }

    [Fact]
    public void UseForPlatform_SetsTheTextOfUnsentPickedChannelsOnThatPlatformOnly()
    {
        var form = new ComposeForm();
        form.Fill(Post, editing: true);
        ChannelSummary[] picked = [Channel(10, "sandbox"), Channel(11, "sandbox"), Channel(13, "mastodon")];

        form.UseForPlatform(picked, "sandbox", "Drafted");

        Assert.Equal(new Dictionary<int, string> { [11] = "Drafted" }, form.Variants);
    }

    private static ChannelSummary Channel(int id, string platform) =>
        new(id, platform, platform, "Name", "@h", ChannelStatus.Active, null, null, DateTime.UnixEpoch, null);
}
