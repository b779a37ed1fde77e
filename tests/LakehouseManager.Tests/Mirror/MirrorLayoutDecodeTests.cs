using LakehouseManager.Mirror;
using LakehouseManager.Naming;
using Xunit;

namespace LakehouseManager.Tests.Mirror;

public sealed class MirrorLayoutDecodeTests
{
    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("/etc/passwd.sql", "it is absolute")]
    [InlineData("../up.sql", "path traversal")]
    [InlineData("a/./b.sql", "path traversal")]
    [InlineData("a//b.sql", "empty component")]
    [InlineData("README.md", "does not end in '.sql'")]
    [InlineData("a/B.SQL", "does not end in '.sql'")]
    [InlineData("a/.sql", "holds no name")]
    [InlineData("a%2/b.sql", "'%2' is not an escape")]
    [InlineData("a%2fb.sql", "'%2f' is not an escape")]
    [InlineData("a%/b.sql", "'%' is not an escape")]
    [InlineData("%C3.sql", "cut short")]
    [InlineData("%C0%AF.sql", "does not start a UTF-8 character")]
    [InlineData("%E0%80%AF.sql", "shortest form")]
    [InlineData("Orders%~2.sql", "does not match the name's uppercase letters")]
    [InlineData("orders%~1.sql", "it has none")]
    [InlineData("Orders%~01.sql", "is not a case suffix")]
    [InlineData("Orders%~.sql", "is not a case suffix")]
    [InlineData("Orders%~1A.sql", "is not a case suffix")]
    [InlineData("x%+.sql", "nothing follows")]
    [InlineData("a%41.sql", "canonical form")]
    [InlineData("con.sql", "canonical form")]
    [InlineData("a*b.sql", "canonical form")]
    [InlineData("x.sql/v.sql", "canonical form")]
    [InlineData("short%+/rest.sql", "canonical form")]
    [InlineData("%00.sql", "names no valid catalog key")]
    public void A_path_the_layout_would_not_write_is_rejected_with_a_message_naming_it(string path, string reason)
    {
        var exception = Assert.Throws<MirrorPathException>(() => MirrorLayout.Decode(path));

        Assert.Equal(path, exception.Path);
        Assert.Contains($"'{path}' is not a mirror file path", exception.Message, StringComparison.Ordinal);
        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_returns_the_reason_instead_of_throwing()
    {
        var ok = MirrorLayout.TryDecode("a/../b.sql", out var key, out var error);

        Assert.False(ok);
        Assert.Null(key);
        Assert.Contains("path traversal", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_case_suffix_is_accepted_on_any_matching_name_without_context()
    {
        Assert.Equal(ContentKey.Of("Orders"), MirrorLayout.Decode("Orders%~1.sql"));
        Assert.Equal(ContentKey.Of("Sales", "ORDERS"), MirrorLayout.Decode("Sales%~1/ORDERS%~3f.sql"));
    }
}
