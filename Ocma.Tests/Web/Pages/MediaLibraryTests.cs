using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Ocma.Core.Audit;
using Ocma.Core.Identity;
using Ocma.Core.Media;
using Ocma.Core.Posts;
using Ocma.Tests.Support;
using Ocma.Web.Features.Media;

namespace Ocma.Tests.Web.Pages;

/// <summary>The media library page, rendered with bUnit against the real app: the grid, alt text, and uploads with a progress row per file.</summary>
public sealed class MediaLibraryTests : AppComponentTest
{
    private Actor _admin = default!;
    private int _postId;

    public override async Task InitializeAsync()
    {
        _admin = await TestUsers.CreateAdminAsync(App);
        var channel = await SandboxChannels.ConnectAsync(App, _admin);
        using var content = new MemoryStream(TestImages.Png(40, 30));
        var asset = (await App.Get<MediaUploadService>().UploadAsync(new MediaUpload(1, "used.png", "image/png", content), _admin, CancellationToken.None)).Value;
        var post = await App.Get<ComposeService>().SubmitAsync(new ComposeRequest(1, "Uses the image", [channel.Id], ComposeMode.SaveDraft, null, MediaIds: [asset.Id]), _admin, CancellationToken.None);
        _postId = post.Value.Id;
    }

    [Fact]
    public void Admin_SeesTheUploadAreaThumbnailMissingAltWarningAndTheUsingPost()
    {
        SignInAs(_admin);

        var cut = Render<MediaPage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".media-card")));
        Assert.NotNull(cut.Find("[data-testid=media-drop]"));
        Assert.EndsWith("/thumbnail", cut.Find(".media-card img").GetAttribute("src"), StringComparison.Ordinal);
        Assert.Contains("No alt text", cut.Find(".media-card .media-alt-warning").TextContent, StringComparison.Ordinal);
        Assert.NotNull(cut.Find($".media-usage a[href='/posts/{_postId}']"));
    }

    [Fact]
    public async Task Viewer_SeesTheLibraryButCannotUploadEditOrDelete()
    {
        SignInAs(await TestUsers.CreateAsync(App, _admin, "viewer@example.com", Roles.Viewer));

        var cut = Render<MediaPage>();

        cut.WaitForAssertion(() => Assert.Contains("used.png", cut.Find(".media-card").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=media-drop], .media-delete, .media-save-alt, textarea"));
    }

    [Fact]
    public async Task SaveAltText_StoresIt_AndTheWarningGoes()
    {
        SignInAs(_admin);
        var cut = Render<MediaPage>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".media-card .media-alt-warning")));

        cut.Find(".media-card textarea").Input("A red bicycle against a white wall");
        cut.Find(".media-save-alt").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".media-card .media-alt-warning")));
        Assert.Equal("A red bicycle against a white wall", (await App.Get<MediaLibraryService>().ListAsync(new MediaQuery(1), CancellationToken.None)).Single().AltText);
    }

    [Fact]
    public void Upload_TwoFiles_EachGetsItsOwnRow_OneAddedAndOneRefusedWithTheReason()
    {
        SignInAs(_admin);
        var cut = Render<MediaPage>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".media-card")));

        cut.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(TestImages.Png(120, 80), "harbour.png", contentType: "image/png"),
            InputFileContent.CreateFromBinary(TestImages.Png(120, 80), "actually-a-png.jpg", contentType: "image/jpeg"));

        cut.WaitForAssertion(() => Assert.Equal(["Added", "Not added"], cut.FindAll(".upload-item .upload-status").Select(s => s.TextContent)));
        Assert.Contains("actually-a-png.jpg", cut.Find(".upload-item.refused .media-upload-error").TextContent, StringComparison.Ordinal);
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll(".media-card").Count));
    }
}
