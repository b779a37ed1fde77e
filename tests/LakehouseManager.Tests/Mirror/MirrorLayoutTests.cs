using LakehouseManager.Mirror;
using LakehouseManager.Naming;
using Xunit;

namespace LakehouseManager.Tests.Mirror;

public sealed class MirrorLayoutTests
{
    private static ContentKey Key(params string[] elements) => ContentKey.Of(elements);

    [Theory]
    [InlineData("sales/reporting/orders_by_day.sql", new[] { "sales", "reporting", "orders_by_day" })]
    [InlineData("Sales/Reporting/OrdersByDay.sql", new[] { "Sales", "Reporting", "OrdersByDay" })]
    [InlineData("v.sql", new[] { "v" })]
    [InlineData("ventes/entrées €/日本語 view.sql", new[] { "ventes", "entrées €", "日本語 view" })]
    [InlineData("a/x.sql.sql", new[] { "a", "x.sql" })]
    [InlineData("a/b.c/d-e_f~g.sql", new[] { "a", "b.c", "d-e_f~g" })]
    public void Ordinary_names_keep_the_original_tools_layout(string path, string[] elements)
    {
        var key = Key(elements);

        Assert.Equal(path, MirrorLayout.EncodePlain(key));
        Assert.Equal(path, MirrorLayout.Assign([key])[key]);
        Assert.Equal(key, MirrorLayout.Decode(path));
    }

    [Theory]
    [InlineData("a/b", "a%2Fb.sql")]
    [InlineData("back\\slash", "back%5Cslash.sql")]
    [InlineData("c:*?\"<>|", "c%3A%2A%3F%22%3C%3E%7C.sql")]
    [InlineData("100%", "100%25.sql")]
    [InlineData("%~1", "%25~1.sql")]
    [InlineData("%+", "%25+.sql")]
    [InlineData(".", "%2E.sql")]
    [InlineData("..", "%2E%2E.sql")]
    [InlineData("...", "%2E.%2E.sql")]
    [InlineData(".git", "%2Egit.sql")]
    [InlineData(" lead", "%20lead.sql")]
    [InlineData("trail ", "trail%20.sql")]
    [InlineData("dot.", "dot%2E.sql")]
    [InlineData("in side", "in side.sql")]
    [InlineData("con", "%63on.sql")]
    [InlineData("CON", "%43ON.sql")]
    [InlineData("nul.txt", "%6Eul.txt.sql")]
    [InlineData("Com1", "%43om1.sql")]
    [InlineData("lpt²", "%6Cpt².sql")]
    [InlineData("conin$", "%63onin$.sql")]
    [InlineData("prn .x", "%70rn .x.sql")]
    [InlineData("console", "console.sql")]
    [InlineData("git~1", "%67it~1.sql")]
    [InlineData("straße", "stra%C3%9Fe.sql")]
    [InlineData("ſ", "%C5%BF.sql")]
    [InlineData("ǅ", "%C7%85.sql")]
    [InlineData("\u212A", "%E2%84%AA.sql")]
    [InlineData("ı", "%C4%B1.sql")]
    [InlineData("İ", "%C4%B0.sql")]
    [InlineData("ς", "%CF%82.sql")]
    [InlineData("emoji 🚀", "emoji 🚀.sql")]
    public void Unsafe_view_names_are_escaped_reversibly(string name, string path)
    {
        var key = Key(name);

        Assert.Equal(path, MirrorLayout.EncodePlain(key));
        Assert.Equal(key, MirrorLayout.Decode(path));
    }

    [Fact]
    public void A_lone_surrogate_is_escaped_as_its_generalized_utf8_bytes_and_decodes_back()
    {
        var key = Key("\uD800x\uDC00");

        Assert.Equal("%ED%A0%80x%ED%B0%80.sql", MirrorLayout.EncodePlain(key));
        Assert.Equal(key, MirrorLayout.Decode("%ED%A0%80x%ED%B0%80.sql"));
    }

    [Fact]
    public void Escaped_surrogate_halves_of_a_real_pair_are_not_canonical()
    {
        var exception = Assert.Throws<MirrorPathException>(() => MirrorLayout.Decode("%ED%A0%BD%ED%BA%80.sql"));

        Assert.Contains("canonical form", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x.sql", "x%2Esql/v.sql")]
    [InlineData("X.SQL", "X%2ESQL/v.sql")]
    [InlineData(".sql", "%2Esql/v.sql")]
    [InlineData("aux", "%61ux/v.sql")]
    [InlineData(".git", "%2Egit/v.sql")]
    public void Folder_names_are_escaped_so_they_cannot_be_a_view_file_a_device_or_the_git_folder(string name, string path)
    {
        var key = Key(name, "v");

        Assert.Equal(path, MirrorLayout.EncodePlain(key));
        Assert.Equal(key, MirrorLayout.Decode(path));
    }

    [Fact]
    public void A_view_file_and_a_namespace_folder_with_the_same_text_never_share_a_name()
    {
        var view = Key("a", "x");
        var folder = Key("a", "x.sql", "v");

        var paths = MirrorLayout.Assign([view, folder]);

        Assert.Equal("a/x.sql", paths[view]);
        Assert.Equal("a/x%2Esql/v.sql", paths[folder]);
    }

    [Fact]
    public void Case_only_collisions_of_views_get_case_suffixes_and_the_lowercase_one_keeps_its_name()
    {
        var lower = Key("sales", "orders");
        var title = Key("sales", "Orders");
        var upper = Key("sales", "ORDERS");
        var other = Key("sales", "Customers");

        var paths = MirrorLayout.Assign([lower, title, upper, other]);

        Assert.Equal("sales/orders.sql", paths[lower]);
        Assert.Equal("sales/Orders%~1.sql", paths[title]);
        Assert.Equal("sales/ORDERS%~3f.sql", paths[upper]);
        Assert.Equal("sales/Customers.sql", paths[other]);
        Assert.All(paths, p => Assert.Equal(p.Key, MirrorLayout.Decode(p.Value)));
    }

    [Fact]
    public void Without_an_all_lowercase_member_every_member_of_a_group_gets_a_suffix()
    {
        var title = Key("Orders");
        var upper = Key("ORDERS");

        var paths = MirrorLayout.Assign([title, upper]);

        Assert.Equal("Orders%~1.sql", paths[title]);
        Assert.Equal("ORDERS%~3f.sql", paths[upper]);
    }

    [Fact]
    public void Case_only_collisions_of_namespaces_keep_their_folders_apart()
    {
        var lower = Key("sales", "a");
        var upper = Key("Sales", "a");
        var deeper = Key("Sales", "eu", "b");

        var paths = MirrorLayout.Assign([lower, upper, deeper]);

        Assert.Equal("sales/a.sql", paths[lower]);
        Assert.Equal("Sales%~1/a.sql", paths[upper]);
        Assert.Equal("Sales%~1/eu/b.sql", paths[deeper]);
    }

    [Fact]
    public void Unicode_case_collisions_count_and_escapes_never_set_case_bits()
    {
        var lower = Key("é%t");
        var upper = Key("É%T");

        var paths = MirrorLayout.Assign([lower, upper]);

        Assert.Equal("é%25t.sql", paths[lower]);
        Assert.Equal("É%25T%~11.sql", paths[upper]);
        Assert.Equal(upper, MirrorLayout.Decode(paths[upper]));
    }

    [Fact]
    public void An_over_long_element_is_split_into_nested_chunks_that_decode_back()
    {
        var name = string.Concat(Enumerable.Repeat("abcdefghij", 45));
        var key = Key("ns", name);

        var path = MirrorLayout.EncodePlain(key);

        var components = path.Split('/');
        Assert.Equal(["ns", name[..193] + "%+", name[193..386] + "%+", name[386..] + ".sql"], components);
        Assert.Equal(key, MirrorLayout.Decode(path));
    }

    [Fact]
    public void Chunks_of_different_elements_with_a_common_start_share_a_folder()
    {
        var prefix = new string('p', 193);
        var first = Key(prefix + "one");
        var second = Key(prefix + "two");

        var paths = MirrorLayout.Assign([first, second]);

        Assert.Equal(prefix + "%+/one.sql", paths[first]);
        Assert.Equal(prefix + "%+/two.sql", paths[second]);
    }

    [Fact]
    public void A_chunk_that_would_be_unsafe_on_its_own_is_escaped_too()
    {
        var key = Key(new string('a', 193) + "con");

        Assert.Equal(new string('a', 193) + "%+/%63on.sql", MirrorLayout.EncodePlain(key));
    }

    [Fact]
    public void The_same_key_given_twice_is_assigned_once()
    {
        var paths = MirrorLayout.Assign([Key("a", "b"), Key("a", "b")]);

        Assert.Single(paths);
    }
}
