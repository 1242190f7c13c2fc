using Bunit;
using Ocma.Core.Audit;
using Ocma.Core.Media;
using Ocma.Tests.Support;
using Ocma.Web.Features.Media;

namespace Ocma.Tests.Web.Pages;

/// <summary>The composer's media picker clicked through with bUnit against the real library.</summary>
public sealed class MediaPickerTests : AppComponentTest
{
    private Actor _admin = default!;
    private IReadOnlyList<MediaAsset> _attached = [];

    public override async Task InitializeAsync()
    {
        _admin = await TestUsers.CreateAdminAsync(App);
        foreach (var (name, width) in new[] { ("harbour.png", 64), ("terrace.png", 80) })
        {
            using var content = new MemoryStream(TestImages.Png(width, 48));
            Assert.True((await App.Get<MediaUploadService>().UploadAsync(new MediaUpload(1, name, "image/png", content), _admin, CancellationToken.None)).Succeeded);
        }
    }

    [Fact]
    public void PickFromTheLibrary_AttachesTheImage_SearchNarrowsIt_AndRemoveTakesItOff()
    {
        var cut = Render();

        cut.Find("#media-attach-open").Click();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll(".media-pick").Count));
        cut.Find(".media-picker-search input").Input("terr");
        cut.WaitForAssertion(() => Assert.Equal(["terrace.png"], cut.FindAll(".media-pick").Select(p => p.GetAttribute("title"))), TimeSpan.FromSeconds(5));
        cut.Find(".media-pick").Click();

        cut.WaitForAssertion(() => Assert.Equal(["terrace.png"], _attached.Select(a => a.FileName)));
        cut.Render(p => p.Add(c => c.Attached, _attached));
        Assert.Contains("No alt text", cut.Find(".media-chip[title='terrace.png']").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".media-pick")); // what is attached is not offered again

        cut.Find("button[aria-label='Remove terrace.png']").Click();
        cut.WaitForAssertion(() => Assert.Empty(_attached));
    }

    private IRenderedComponent<MediaAttach> Render()
    {
        SignInAs(_admin);
        return RenderInLayout<MediaAttach>(p => p.Add(c => c.BrandId, 1).Add(c => c.Attached, _attached).Add(c => c.AttachedChanged, a => _attached = a));
    }
}
