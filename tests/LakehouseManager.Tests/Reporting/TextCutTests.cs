using LakehouseManager.Reporting;
using Xunit;

namespace LakehouseManager.Tests.Reporting;

public sealed class TextCutTests
{
    [Theory]
    [InlineData("abc", 3, "abc")]
    [InlineData("abcd", 3, "ab…")]
    [InlineData("abcd", 1, "…")]
    [InlineData("a💥bcd", 3, "a…")]
    [InlineData("a💥bcd", 4, "a💥…")]
    public void Text_is_cut_to_the_length_with_an_ellipsis_never_splitting_a_surrogate_pair(string text, int max, string expected)
    {
        var cut = TextCut.ToLength(text, max);

        Assert.Equal(expected, cut);
        Assert.True(cut.Length <= max);
    }
}
