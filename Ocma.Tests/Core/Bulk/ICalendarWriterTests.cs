using System.Text;
using Ocma.Core.Bulk;

namespace Ocma.Tests.Core.Bulk;

public sealed class ICalendarWriterTests
{
    [Fact]
    public void Escape_SpecialCharacters_AreEscaped()
    {
        Assert.Equal("a\\\\b\\;c\\,d\\ne\\nf", ICalendarWriter.Escape("a\\b;c,d\r\ne\nf"));
    }

    [Fact]
    public void Text_ShortLine_EndsWithCrLf()
    {
        var text = new ICalendarWriter().Text("SUMMARY", "Hi, there").ToString();

        Assert.Equal("SUMMARY:Hi\\, there\r\n", text);
    }

    [Fact]
    public void Line_LongMultiByteLine_FoldsAt75OctetsWithoutSplittingACharacter()
    {
        // "DESCRIPTION:" is 12 octets; each "é" is 2 and "€" is 3, so a naive cut at byte 75 would land inside one.
        var value = string.Concat(Enumerable.Repeat("é€", 40));
        var text = new ICalendarWriter().Line("DESCRIPTION", value).ToString();

        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var lines = text[..^2].Split("\r\n");
        Assert.True(lines.Length > 2);
        Assert.All(lines, l => Assert.InRange(Encoding.UTF8.GetByteCount(l), 1, 75));
        Assert.All(lines.Skip(1), l => Assert.StartsWith(" ", l, StringComparison.Ordinal));
        Assert.Equal(74, Encoding.UTF8.GetByteCount(lines[0])); // 12 + 62: the next "€" (3 octets) would pass 75
        Assert.Equal("DESCRIPTION:" + value, lines[0] + string.Concat(lines.Skip(1).Select(l => l[1..])));
    }

    [Fact]
    public void Line_ExactlySeventyFiveOctets_IsNotFolded()
    {
        var text = new ICalendarWriter().Line("X", new string('a', 73)).ToString();

        Assert.Equal("X:" + new string('a', 73) + "\r\n", text);
    }

    [Fact]
    public void Line_Emoji_IsNeverSplitAcrossLines()
    {
        var text = new ICalendarWriter().Line("SUMMARY", new string('a', 65) + string.Concat(Enumerable.Repeat("😀", 10))).ToString();

        Assert.All(text[..^2].Split("\r\n"), l => Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(l))));
        Assert.All(text[..^2].Split("\r\n"), l => Assert.InRange(Encoding.UTF8.GetByteCount(l), 1, 75));
    }
}
