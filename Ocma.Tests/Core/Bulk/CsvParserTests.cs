using Ocma.Core.Bulk;

namespace Ocma.Tests.Core.Bulk;

public sealed class CsvParserTests
{
    [Fact]
    public void Parse_QuotedFieldsWithCommasAndDoubledQuotes_KeepsThemWhole()
    {
        var records = CsvParser.Parse("text,channels\n\"Hello, \"\"world\"\"\",@team\n").Value;

        Assert.Equal(2, records.Count);
        Assert.Equal(["Hello, \"world\"", "@team"], records[1].Fields);
    }

    [Fact]
    public void Parse_EmbeddedNewline_StaysInTheFieldAndLinesCountOn()
    {
        var records = CsvParser.Parse("a,b\r\n\"line one\r\nline two\",x\r\nnext,y\r\n").Value;

        Assert.Equal("line one\r\nline two", records[1].Fields[0]);
        Assert.Equal(2, records[1].Line);
        Assert.Equal(4, records[2].Line);
    }

    [Theory]
    [InlineData("a,b\r\nc,d\r\n")]
    [InlineData("a,b\nc,d\n")]
    [InlineData("a,b\nc,d")]
    [InlineData("\uFEFFa,b\r\nc,d")]
    public void Parse_CrLfLfOrBom_GivesTheSameRecords(string text)
    {
        var records = CsvParser.Parse(text).Value;

        Assert.Equal(2, records.Count);
        Assert.Equal(["a", "b"], records[0].Fields);
        Assert.Equal(["c", "d"], records[1].Fields);
    }

    [Fact]
    public void Parse_EmptyLines_AreSkippedButCounted()
    {
        var records = CsvParser.Parse("h\n\nrow\r\n\r\n").Value;

        Assert.Equal(2, records.Count);
        Assert.Equal(3, records[1].Line);
    }

    [Fact]
    public void Parse_EmptyFields_AreKept()
    {
        var record = CsvParser.Parse("x,,\"\"\n").Value.Single();

        Assert.Equal(["x", "", ""], record.Fields);
    }

    [Fact]
    public void Parse_UnclosedQuote_SaysWhichLine()
    {
        var result = CsvParser.Parse("a\n\"never closed\nmore");

        Assert.False(result.Succeeded);
        Assert.StartsWith("Line 2:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_StrayQuoteInsideField_IsRefused()
    {
        var result = CsvParser.Parse("ab\"c,d");

        Assert.Contains("quote", result.Error, StringComparison.Ordinal);
    }
}
