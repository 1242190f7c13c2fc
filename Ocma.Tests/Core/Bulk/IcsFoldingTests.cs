using System.Text;
using Ocma.Core.Bulk;

namespace Ocma.Tests.Core.Bulk;

/// <summary>Content lines of at most 75 octets, folded only between characters (RFC 5545 §3.1), whatever Ical.Net wrote.</summary>
public sealed class IcsFoldingTests
{
    [Fact]
    public void Refold_LongMultiByteLine_FoldsAt75OctetsWithoutSplittingACharacter()
    {
        // "DESCRIPTION:" is 12 octets; each "é" is 2 and "€" is 3, so a naive cut at byte 75 would land inside one.
        var value = string.Concat(Enumerable.Repeat("é€", 40));

        var text = IcsFolding.Refold("DESCRIPTION:" + value + "\r\n");

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
    public void Refold_ExactlySeventyFiveOctets_IsNotFolded()
    {
        var line = "X:" + new string('a', 73) + "\r\n";

        Assert.Equal(line, IcsFolding.Refold(line));
    }

    [Fact]
    public void Refold_AlreadyFoldedText_IsUnfoldedFirst()
    {
        Assert.Equal("SUMMARY:abcdef\r\nUID:1\r\n", IcsFolding.Refold("SUMMARY:abc\r\n def\r\nUID:1\r\n"));
    }

    [Fact]
    public void Refold_EmojiSplitAcrossAFoldByAnotherWriter_IsWholeAgain()
    {
        // What Ical.Net 5.2.4 writes for 64 letters and an emoji: the fold falls between the emoji's two UTF-16 halves.
        var split = "SUMMARY:" + new string('a', 64) + "😀"[0] + "\r\n " + "😀"[1] + "😀\r\n";

        var text = IcsFolding.Refold(split);

        var lines = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text))[..^2].Split("\r\n");
        Assert.All(lines, l => Assert.DoesNotContain('\uFFFD', l));
        Assert.All(lines, l => Assert.InRange(Encoding.UTF8.GetByteCount(l), 1, 75));
        Assert.Equal("SUMMARY:" + new string('a', 64) + "😀😀", string.Concat(lines.Select((l, i) => i == 0 ? l : l[1..])));
    }
}
