using System.Text;
using LakehouseManager.Mirror;
using Xunit;

namespace LakehouseManager.Tests.Mirror;

public sealed class MirrorFileTests
{
    [Theory]
    [InlineData("select 1", "select 1\n")]
    [InlineData("", "\n")]
    [InlineData("select 1\n", "select 1\n\n")]
    [InlineData("select 1\n\n", "select 1\n\n\n")]
    [InlineData("select 1\r\nfrom t\r\n", "select 1\r\nfrom t\r\n\n")]
    [InlineData("select 'é' -- 日本 🚀", "select 'é' -- 日本 🚀\n")]
    [InlineData("\uFEFFselect 1", "\uFEFFselect 1\n")]
    public void The_file_holds_the_sql_in_utf8_plus_one_newline_and_reads_back_byte_exact(string sql, string fileText)
    {
        var bytes = MirrorFile.ToBytes(sql);

        Assert.Equal(Encoding.UTF8.GetBytes(fileText), bytes);
        Assert.Equal(sql, MirrorFile.ToSql(bytes));
    }

    [Fact]
    public void No_byte_order_mark_is_written()
    {
        var bytes = MirrorFile.ToBytes("select 1");

        Assert.Equal((byte)'s', bytes[0]);
    }

    [Theory]
    [InlineData("select 1")]
    [InlineData("select 1\r")]
    [InlineData("")]
    public void A_file_without_the_final_newline_reads_as_its_text_unchanged(string text)
    {
        Assert.Equal(text, MirrorFile.ToSql(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Random_sql_texts_round_trip_byte_exact()
    {
        var random = new Random(42);
        string[] pieces = ["select", " ", "\n", "\r\n", "\r", "\t", "'", "é", "日本", "🚀", "\u0301", "\uFEFF", "--", "\0"];
        for (var i = 0; i < 2000; i++)
        {
            var sql = string.Concat(Enumerable.Range(0, random.Next(30)).Select(_ => pieces[random.Next(pieces.Length)]));

            Assert.Equal(sql, MirrorFile.ToSql(MirrorFile.ToBytes(sql)));
        }
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_rejected()
    {
        var exception = Assert.Throws<LakehouseException>(() => MirrorFile.ToSql(new byte[] { 0x73, 0xE9, 0x0A }));

        Assert.Contains("not valid UTF-8", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sql_with_an_unpaired_surrogate_cannot_be_written()
    {
        var exception = Assert.Throws<LakehouseException>(() => MirrorFile.ToBytes("select '\uD800'"));

        Assert.Contains("U+D800", exception.Message, StringComparison.Ordinal);
    }
}
