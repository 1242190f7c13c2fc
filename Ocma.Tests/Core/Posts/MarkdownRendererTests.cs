using AngleSharp.Html.Parser;
using Ocma.Core.Posts;

namespace Ocma.Tests.Core.Posts;

public sealed class MarkdownRendererTests
{
    [Fact]
    public void ToHtml_Markdown_RendersEmphasisListsAndSafeLinks()
    {
        var html = Parse("Check **this** first:\n\n- [brief](https://example.com/brief)\n- mail <mailto:team@example.com>");

        Assert.Equal("this", html.QuerySelector("strong")!.TextContent);
        Assert.Equal("https://example.com/brief", html.QuerySelector("li a")!.GetAttribute("href"));
        Assert.Equal(2, html.QuerySelectorAll("li").Length);
    }

    [Fact]
    public void ToHtml_RawHtml_IsShownAsTextNotElements()
    {
        var html = Parse("Hello <script>alert(1)</script> <b onclick=\"steal()\">bold</b>\n\n<div onmouseover=\"x()\">block</div>");

        Assert.Empty(html.QuerySelectorAll("script, b, div"));
        Assert.Contains("<script>alert(1)</script>", html.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(html.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JavaScript:alert(1))")]
    [InlineData("[click](&#106;avascript:alert(1))")]
    [InlineData("[click](vbscript:msgbox(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[click][ref]\n\n[ref]: javascript:alert(1)")]
    [InlineData("<javascript:alert(1)>")]
    public void ToHtml_DangerousLink_BecomesPlainText(string markdown)
    {
        var html = Parse(markdown);

        Assert.Empty(html.QuerySelectorAll("a"));
        Assert.DoesNotContain("script:", Hrefs(html), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("![logo](data:image/svg+xml;base64,PHN2Zz4=)")]
    [InlineData("![logo](javascript:alert(1))")]
    public void ToHtml_DangerousImage_BecomesPlainText(string markdown)
    {
        var html = Parse(markdown);

        Assert.Empty(html.QuerySelectorAll("img"));
        Assert.Contains("[image: logo]", html.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_AttributeSyntax_AddsNoEventHandler()
    {
        var html = Parse("[site](https://example.com){onclick=\"alert(1)\"}");

        Assert.DoesNotContain(html.All, e => e.HasAttribute("onclick"));
    }

    [Fact]
    public void ToHtml_TablesTaskListsAndEmphasisExtras_SurviveTheSecondPass()
    {
        var html = Parse("## Plan\n\n| item | cost |\n|:--|--:|\n| ads | 12 |\n\n- [x] draft ~~old~~ ==new==\n- [ ] review `copy`");

        Assert.Equal("Plan", html.QuerySelector("h2")!.TextContent);
        Assert.Equal("text-align: right", html.QuerySelector("td:last-child")!.GetAttribute("style")!.TrimEnd(';'));
        var boxes = html.QuerySelectorAll("li input[type=checkbox][disabled]");
        Assert.Equal(2, boxes.Length);
        Assert.True(boxes[0].HasAttribute("checked"));
        Assert.Equal("old", html.QuerySelector("del")!.TextContent);
        Assert.Equal("new", html.QuerySelector("mark")!.TextContent);
        Assert.Equal("copy", html.QuerySelector("code")!.TextContent);
    }

    /// <summary>
    /// The second pass on its own, given HTML the first pass would never produce: whatever a future gap in the Markdown
    /// pass let through, no script, handler, frame, form, style trick or javascript: link reaches the page.
    /// </summary>
    [Fact]
    public void SecondPass_HostileHtml_IsRemovedAndSafeMarkupKept()
    {
        const string hostile = """
            <p>keep <a href="https://example.com/brief" onclick="steal()">brief</a></p>
            <script>alert(1)</script><img src="x" onerror="alert(2)"><a href="javascript:alert(3)">bad</a>
            <iframe src="https://evil.example"></iframe><svg onload="alert(4)"><circle/></svg>
            <form action="https://evil.example">go</form><input type="text" autofocus onfocus="alert(5)">
            <p style="background:url(javascript:alert(6)); text-align: center">styled</p><base href="https://evil.example/">
            <a href="data:text/html;base64,PHNjcmlwdD4=">data</a><object data="x.swf"></object><meta http-equiv="refresh" content="0;url=https://evil.example">
            """;

        var html = new HtmlParser().ParseDocument(NotesHtmlSanitizer.Sanitize(hostile));

        Assert.Empty(html.Body!.QuerySelectorAll("script, iframe, svg, form, input, base, object, meta"));
        Assert.DoesNotContain(html.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain("javascript:", html.Body.InnerHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", Hrefs(html), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("https://example.com/brief", html.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("text-align: center", html.QuerySelectorAll("p")[^1].GetAttribute("style")!.TrimEnd(';'));
    }

    private static AngleSharp.Html.Dom.IHtmlDocument Parse(string markdown) => new HtmlParser().ParseDocument(MarkdownRenderer.ToHtml(markdown));

    private static string Hrefs(AngleSharp.Html.Dom.IHtmlDocument html) =>
        string.Join(" ", html.All.SelectMany(e => e.Attributes).Where(a => a.Name is "href" or "src").Select(a => a.Value));
}
