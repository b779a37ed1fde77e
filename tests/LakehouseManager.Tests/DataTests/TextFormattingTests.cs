using System.Xml.Linq;
using LakehouseManager.DataTests.Expectations;
using LakehouseManager.Reporting;
using Xunit;

namespace LakehouseManager.Tests.DataTests;

/// <summary>Tests of the escaping and formatting helpers in src/LakehouseManager/Reporting.</summary>
public sealed class TextFormattingTests
{
    [Theory]
    [InlineData("a|b", "a\\|b")]
    [InlineData("line one\nline two", "line one<br>line two")]
    [InlineData("x\r\ny", "x<br>y")]
    [InlineData("*bold* _it_ `code` [link](u) <b> #1 ~s~ a\\b", "\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](u) \\<b\\> \\#1 \\~s\\~ a\\\\b")]
    [InlineData("R&D", "R&amp;D")]
    [InlineData("bell\u0007", "bell\\\\u0007")]
    public void Markdown_text_escapes_what_would_change_its_meaning(string text, string expected)
    {
        Assert.Equal(expected, MarkdownText.Escape(text));
    }

    [Theory]
    [InlineData("name", false, "`name`")]
    [InlineData("a`b", false, "``a`b``")]
    [InlineData("`x`", false, "`` `x` ``")]
    [InlineData("a|b", true, "`a\\|b`")]
    [InlineData("a|b", false, "`a|b`")]
    public void A_code_span_shows_any_text_verbatim(string text, bool inTable, string expected)
    {
        Assert.Equal(expected, MarkdownText.Code(text, inTable));
    }

    [Fact]
    public void A_code_block_fence_is_longer_than_any_backtick_run_inside()
    {
        Assert.Equal("```sql\nSELECT 1\n```\n", MarkdownText.CodeBlock("SELECT 1\n", "sql"));
        Assert.Equal("````\n-- ```\n````\n", MarkdownText.CodeBlock("-- ```"));
    }

    [Fact]
    public void Html_text_escapes_markup_and_stays_on_one_line()
    {
        Assert.Equal("a &lt;b&gt; &amp; \"c\" ± d", MarkdownText.Html("a <b> & \"c\"\n± d"));
    }

    [Fact]
    public void Dates_in_cells_read_in_ISO_8601()
    {
        Assert.Equal(
            ["2026-03-12", "2026-03-12", "2026-03-12T15:00:34", "2026-03-12T15:00:34.5+01:00"],
            new object[]
            {
                new DateOnly(2026, 3, 12),
                new DateTime(2026, 3, 12),
                new DateTime(2026, 3, 12, 15, 0, 34),
                new DateTimeOffset(2026, 3, 12, 15, 0, 34, 500, TimeSpan.FromHours(1)),
            }.Select(ValueText.Cell));
    }

    [Theory]
    [InlineData(0, "0ms")]
    [InlineData(350, "350ms")]
    [InlineData(1_000, "1s")]
    [InlineData(1_240, "1.2s")]
    [InlineData(5_595, "5.6s")]
    [InlineData(30_000, "30s")]
    [InlineData(59_970, "1m")]
    [InlineData(125_000, "2m05s")]
    [InlineData(300_000, "5m")]
    [InlineData(3_720_000, "1h02m")]
    [InlineData(7_200_000, "2h")]
    public void Durations_read_short(int milliseconds, string expected)
    {
        Assert.Equal(expected, DurationText.Format(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Fact]
    public void Junit_seconds_have_three_decimals()
    {
        Assert.Equal("5.595", DurationText.Seconds(TimeSpan.FromMilliseconds(5595)));
        Assert.Equal("0.000", DurationText.Seconds(TimeSpan.Zero));
    }

    [Fact]
    public void Text_that_xml_cannot_hold_is_made_visible_and_the_document_parses()
    {
        // Arrange: a bell, a NUL, a lone surrogate and U+FFFF, next to characters XML holds fine.
        var text = "bell\u0007 nul\0 lone\uD800 ffff\uFFFF tab\t emoji💥 <&>";

        // Act
        var safe = XmlSafeText.Sanitize(text);
        var document = XDocument.Parse($"<a>{System.Security.SecurityElement.Escape(safe)}</a>");

        // Assert
        Assert.Equal("bell\\u0007 nul\\u0000 lone\\uD800 ffff\\uFFFF tab\t emoji💥 <&>", safe);
        Assert.Equal(safe, document.Root!.Value);
    }

    [Fact]
    public void Printable_text_keeps_line_breaks_and_tabs_and_shows_other_control_characters()
    {
        Assert.Equal("a\nb\tc\\u001B[0m", PrintableText.Visible("a\nb\tc\u001b[0m"));
    }
}
