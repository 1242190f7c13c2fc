using System.Text;
using Ocma.Core.Audit;
using Ocma.Core.Brands;
using Ocma.Core.Bulk;
using Ocma.Core.Identity;
using Ocma.Core.Posts;
using static Ocma.Tests.Core.Bulk.BulkFixture;

namespace Ocma.Tests.Core.Bulk;

public sealed class PostImportServiceTests(BulkFixture fixture) : IClassFixture<BulkFixture>
{
    private const string Header = "text,channels,due,media";

    private static readonly int Y = TestClock.FutureYear;

    private PostImportService Importer => fixture.Harness.App.Get<PostImportService>();

    private Actor Admin => fixture.Harness.Admin;

    [Fact]
    public async Task DryRun_BadRows_ListsEachWithLineAndReasonAndStoresNothing()
    {
        var file = Csv(
            Header,
            $"dry-good,@team,{Y}-01-05 10:00,",
            $"dry-unknown,@nobody,{Y}-01-05 10:00,",
            $"dry-long {new string('x', 600)},@team,{Y}-01-05 10:00,",
            "dry-badtime,@team,05/01/2031 10:00,",
            "dry-past,@team,2020-01-01 10:00,",
            "dry-media,@team,,photo.jpg",
            $"\"dry-multi\nline\",@team,{Y}-01-05 10:00,",
            "dry-columns,@team");

        var plan = (await Importer.DryRunAsync(fixture.BrandId, file, Admin, CancellationToken.None)).Value;

        Assert.False(plan.CanImport);
        Assert.Equal([2, 8], plan.Rows.Select(r => r.Line));
        Assert.Equal([3, 4, 5, 6, 7, 10], plan.Problems.Select(p => p.Line));
        Assert.Contains("no channel with the handle @nobody", Reason(plan, 3), StringComparison.Ordinal);
        Assert.Contains("Shorten the text", Reason(plan, 4), StringComparison.Ordinal);
        Assert.Contains("yyyy-MM-dd HH:mm", Reason(plan, 5), StringComparison.Ordinal);
        Assert.Contains("in the past", Reason(plan, 6), StringComparison.Ordinal);
        Assert.Contains("There is no image named 'photo.jpg' in the media library", Reason(plan, 7), StringComparison.Ordinal);
        Assert.Contains("it needs 4", Reason(plan, 10), StringComparison.Ordinal);
        Assert.Equal(0, await fixture.PostsContainingAsync("dry-"));
    }

    [Fact]
    public async Task DryRun_MediaColumnNamingAVideoTooLongForTheChannel_IsARowProblemAndNothingIsStored()
    {
        using var bytes = new MemoryStream(Ocma.Tests.Support.TestVideos.Mp4(TimeSpan.FromMinutes(4)));
        var uploaded = await fixture.Harness.App.Get<Ocma.Core.Media.MediaUploadService>().UploadAsync(
            new Ocma.Core.Media.MediaUpload(fixture.BrandId, "imp-keynote.mp4", null, bytes), Admin, CancellationToken.None);
        Assert.True(uploaded.Succeeded, uploaded.Error);

        var plan = (await Importer.DryRunAsync(fixture.BrandId, Csv(Header, $"imp-video too long,@team,{Y}-03-03 09:00,imp-keynote.mp4"), Admin, CancellationToken.None)).Value;

        Assert.False(plan.CanImport);
        Assert.Contains("Trim 'imp-keynote.mp4': it plays 4:00 and Sandbox accepts videos up to 3:00.", Reason(plan, 2), StringComparison.Ordinal);
        Assert.Equal(0, await fixture.PostsContainingAsync("imp-video"));
    }

    [Fact]
    public async Task Import_MediaColumn_AttachesLibraryImagesByFileNameInOrder()
    {
        var brand = await fixture.Harness.App.Get<BrandService>().GetCurrentAsync(null, CancellationToken.None);
        var uploads = fixture.Harness.App.Get<Ocma.Core.Media.MediaUploadService>();
        var ids = new List<int>();
        foreach (var (name, width) in new[] { ("imp-harbour.png", 40), ("imp-menu.png", 41) })
        {
            using var bytes = new MemoryStream(Ocma.Tests.Support.TestImages.Png(width, 30));
            var uploaded = await uploads.UploadAsync(new Ocma.Core.Media.MediaUpload(brand.Id, name, null, bytes), Admin, CancellationToken.None);
            Assert.True(uploaded.Succeeded, uploaded.Error);
            ids.Add(uploaded.Value.Id);
        }

        var result = await Importer.ImportAsync(fixture.BrandId, Csv(Header, $"imp-media with two images,@team,{Y}-02-02 09:00,IMP-MENU.png; imp-harbour.png"), Admin, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        var media = await fixture.Harness.App.Get<Ocma.Core.Media.MediaLibraryService>().ForPostAsync(Assert.Single(result.Value).Id, CancellationToken.None);
        Assert.Equal([ids[1], ids[0]], media.Select(m => m.Id));
    }

    [Fact]
    public async Task DryRun_TimeSkippedByDaylightSaving_IsReported()
    {
        var brands = fixture.Harness.App.Get<BrandService>();
        var brand = await brands.GetCurrentAsync(null, CancellationToken.None);
        await brands.UpdateAsync(brand.Id, brand.Name, "Europe/Berlin", Admin, CancellationToken.None);
        try
        {
            var plan = (await Importer.DryRunAsync(fixture.BrandId, Csv(Header, $"dst-skip,@team,{TestClock.LastSundayOfMarch(Y):yyyy-MM-dd} 02:30,"), Admin, CancellationToken.None)).Value;

            Assert.Contains("does not exist in Europe/Berlin", Assert.Single(plan.Problems).Reason, StringComparison.Ordinal);
        }
        finally
        {
            await brands.UpdateAsync(brand.Id, brand.Name, brand.TimeZoneId, Admin, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Import_ValidFile_StoresEveryRowAsScheduledPostsVisibleInQueries()
    {
        var file = Csv(Header, $"imp-ok one,@team,{Y}-02-01 09:00,", $"\"imp-ok two, with comma\",team,{Y}-02-01 09:30,", "imp-ok draft,@team,,");

        var result = await Importer.ImportAsync(fixture.BrandId, file, Admin, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(3, result.Value.Count);
        var brand = await fixture.Harness.App.Get<BrandService>().GetCurrentAsync(null, CancellationToken.None);
        var views = (await fixture.Harness.App.Get<PostQueries>().AllAsync(brand.Id, CancellationToken.None)).Where(v => v.Text.StartsWith("imp-ok", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, views.Count);
        var two = views.Single(v => v.Text == "imp-ok two, with comma");
        Assert.Equal(TargetState.Scheduled, two.State);
        Assert.Equal(new DateTime(Y, 2, 1, 9, 30, 0), two.DueUtc);
        Assert.Equal(TargetState.Draft, views.Single(v => v.Text == "imp-ok draft").State);
        Assert.Equal(2, await fixture.AuditEntriesAsync("post.scheduled", "imp-ok"));
        Assert.Equal(1, await fixture.AuditEntriesAsync("post.drafted", "imp-ok"));
    }

    [Fact]
    public async Task Import_OneBadRow_ImportsNothing()
    {
        var file = Csv(Header, $"imp-bad fine,@team,{Y}-02-01 09:00,", $"imp-bad broken,@ghost,{Y}-02-01 09:00,");

        var result = await Importer.ImportAsync(fixture.BrandId, file, Admin, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("line 3", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, await fixture.PostsContainingAsync("imp-bad"));
    }

    [Fact]
    public async Task Import_ByViewer_IsRefused()
    {
        var viewer = new Actor("viewer-id", "viewer@example.com", new HashSet<string> { Roles.Viewer });

        var result = await Importer.ImportAsync(fixture.BrandId, Csv(Header, $"imp-viewer,@team,{Y}-02-01 09:00,"), viewer, CancellationToken.None);

        Assert.Contains("cannot", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, await fixture.PostsContainingAsync("imp-viewer"));
    }

    [Theory]
    [InlineData("text;channels;due;media", "semicolons")]
    [InlineData("message,channels,due,media", "must be the header")]
    [InlineData("", "empty")]
    [InlineData("text,channels,due,media", "a header but no rows")]
    public async Task DryRun_WrongHeader_SaysWhatToFix(string header, string expected)
    {
        var result = await Importer.DryRunAsync(fixture.BrandId, Csv(header), Admin, CancellationToken.None);

        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DryRun_NotUtf8_AsksForCsvUtf8()
    {
        var latin1 = Encoding.Latin1.GetBytes($"{Header}\r\nCafé,@team,,\r\n");

        var result = await Importer.DryRunAsync(fixture.BrandId, latin1, Admin, CancellationToken.None);

        Assert.Contains("not UTF-8", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DryRun_TooManyRowsOrBytes_IsRefused()
    {
        var rows = Csv([Header, .. Enumerable.Repeat("x,@team,,", PostImportService.MaxRows + 1)]);
        var big = new byte[PostImportService.MaxBytes + 1];

        Assert.Contains("at most 1,000", (await Importer.DryRunAsync(fixture.BrandId, rows, Admin, CancellationToken.None)).Error, StringComparison.Ordinal);
        Assert.Contains("at most 1 MB", (await Importer.DryRunAsync(fixture.BrandId, big, Admin, CancellationToken.None)).Error, StringComparison.Ordinal);
    }

    private static string Reason(ImportPlan plan, int line) => plan.Problems.Single(p => p.Line == line).Reason;
}
