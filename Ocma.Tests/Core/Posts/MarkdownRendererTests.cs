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

    private static AngleSharp.Html.Dom.IHtmlDocument Parse(string markdown) => new HtmlParser().ParseDocument(MarkdownRenderer.ToHtml(markdown));

    private static string Hrefs(AngleSharp.Html.Dom.IHtmlDocument html) =>
        string.Join(" ", html.All.SelectMany(e => e.Attributes).Where(a => a.Name is "href" or "src").Select(a => a.Value));
}
