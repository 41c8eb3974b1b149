using System.Globalization;
using Analytics.Web.Components.Widgets;

namespace Analytics.Tests.Components.Widgets;

public sealed class CsvExportTests
{
    [Fact]
    public void Writes_a_header_and_rows_with_crlf_line_ends()
    {
        var csv = CsvExport.Write(["country", "total"], [["DE", 12.5], ["US", 3.0]]);
        Assert.Equal("country,total\r\nDE,12.5\r\nUS,3\r\n", csv);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("", "")]
    public void Quotes_text_as_rfc_4180_says(string text, string expected) => Assert.Equal(expected, CsvExport.Text(text));

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1+2", "'+1+2")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    [InlineData("a=b", "a=b")]
    public void Defuses_text_a_spreadsheet_would_run_as_a_formula(string text, string expected) => Assert.Equal(expected, CsvExport.Text(text));

    [Fact]
    public void Numbers_are_invariant_and_never_defused_and_null_is_empty()
    {
        var csv = CsvExport.Write(["a", "b", "c", "d"], [[-1.5, 1234567.25, null, 42L]]);
        Assert.Equal("a,b,c,d\r\n-1.5,1234567.25,,42\r\n", csv);
    }

    [Fact]
    public void Numbers_do_not_follow_the_current_culture()
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            Assert.Equal("x\r\n0.25\r\n", CsvExport.Write(["x"], [[0.25]]));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
