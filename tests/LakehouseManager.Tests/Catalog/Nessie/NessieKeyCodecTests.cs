using LakehouseManager.Catalog.Nessie;
using LakehouseManager.Naming;
using LakehouseManager.Tests.Mirror;
using Xunit;

namespace LakehouseManager.Tests.Catalog.Nessie;

/// <summary>The shared key codec against every example of api-facts A.4 (NESSIE-SPEC-2-0.md) and the server's parser rule.</summary>
public sealed class NessieKeyCodecTests
{
    public static TheoryData<string[], string> EscapedExamples => new()
    {
        { ["foo", "bar", "baz"], "foo.bar.baz" },
        { ["foo", ".bar", "baz"], ".foo.*.bar.baz" },
        { ["foo.", ".bar", "a/\\%aa"], ".foo*..*.bar.a*{*}*[aa" },
    };

    [Theory]
    [MemberData(nameof(EscapedExamples))]
    public void The_escaped_encoding_writes_the_spec_examples(string[] elements, string expected)
    {
        var encoded = NessieKeyCodec.Encode(ContentKey.Of(elements), NessieKeyEncoding.Escaped);

        Assert.Equal(expected, encoded);
        Assert.Equal(elements, NessieKeyCodec.Decode(encoded));
    }

    [Fact]
    public void The_legacy_encoding_writes_a_dot_inside_an_element_as_the_group_separator()
    {
        var encoded = NessieKeyCodec.Encode(ContentKey.Of("a.b", "c"), NessieKeyEncoding.Legacy);

        Assert.Equal("a\u001Db.c", encoded);
        Assert.Equal(["a.b", "c"], NessieKeyCodec.Decode(encoded));
    }

    [Fact]
    public void The_legacy_parser_also_reads_a_zero_byte_as_a_dot()
    {
        Assert.Equal(["a.b", "c"], NessieKeyCodec.Decode("a\u0000b.c"));
    }

    [Fact]
    public void The_escaped_encoding_is_the_plain_dotted_form_when_no_element_needs_escaping()
    {
        // '*' alone does not switch to the escaped form: only . / \ % do (Util.toPathStringEscaped).
        var encoded = NessieKeyCodec.Encode(ContentKey.Of("sales", "a*b", "orders"), NessieKeyEncoding.Escaped);

        Assert.Equal("sales.a*b.orders", encoded);
        Assert.Equal(["sales", "a*b", "orders"], NessieKeyCodec.Decode(encoded));
    }

    [Fact]
    public void A_star_is_escaped_once_the_escaped_form_is_used()
    {
        var encoded = NessieKeyCodec.Encode(ContentKey.Of("a*b", "c/d"), NessieKeyEncoding.Escaped);

        Assert.Equal(".a**b.c*{d", encoded);
        Assert.Equal(["a*b", "c/d"], NessieKeyCodec.Decode(encoded));
    }

    [Fact]
    public void A_dot_at_the_start_switches_the_server_parser_to_the_escaped_syntax()
    {
        Assert.Equal(["a", "b"], NessieKeyCodec.Decode(".a.b"));
        // The legacy parser would have read "*." literally; the escaped parser reads it as a dot.
        Assert.Equal(["x.y"], NessieKeyCodec.Decode(".x*.y"));
        Assert.Equal(["x*", "y"], NessieKeyCodec.Decode("x*.y"));
    }

    [Fact]
    public void The_switch_keeps_the_elements_read_before_it_and_rereads_from_the_second_character()
    {
        // Util.fromPathString's quirk: "a..b" meets a '.' at the start of an element after reading "a", then re-reads
        // "a..b" from index 1 with ["a"] kept. The result holds empty elements, which the server refuses as a key.
        Assert.Equal(["a", "", "", "b"], NessieKeyCodec.Decode("a..b"));
    }

    [Theory]
    [InlineData(".a*xb", "Illegal escaping sequence *x in encoded path: .a*xb")]
    [InlineData(".a*", "Illegal escaping sequence at the end of encoded path: .a*")]
    public void An_illegal_escape_is_refused_with_nessies_message(string encoded, string message)
    {
        var error = Assert.Throws<FormatException>(() => NessieKeyCodec.Decode(encoded));

        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("2.2.0", true)]
    [InlineData("2.3.1", true)]
    [InlineData("3.0.0", true)]
    [InlineData("2.1.3", false)]
    [InlineData("2.1.0", false)]
    [InlineData("2.0.0-beta.1", false)]
    [InlineData("2.2.0-SNAPSHOT", true)]
    [InlineData(null, false)]
    [InlineData("", false)]
    public void The_encoding_follows_the_spec_version(string? specVersion, bool escaped)
    {
        Assert.Equal(escaped ? NessieKeyEncoding.Escaped : NessieKeyEncoding.Legacy, NessieKeyCodec.EncodingFor(specVersion));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Random_keys_round_trip_through_both_encodings(bool escaped)
    {
        var encoding = escaped ? NessieKeyEncoding.Escaped : NessieKeyEncoding.Legacy;
        var keys = new RandomKeys(seed: 20260101).NextSet(2000);

        foreach (var key in keys)
        {
            var encoded = NessieKeyCodec.Encode(key, encoding);

            Assert.Equal(key.Elements, NessieKeyCodec.Decode(encoded));
        }
    }

    [Fact]
    public void Escaped_keys_never_hold_a_character_that_servlet_6_refuses_in_a_path()
    {
        var keys = new RandomKeys(seed: 7).NextSet(2000);

        foreach (var key in keys)
        {
            var encoded = NessieKeyCodec.Encode(key, NessieKeyEncoding.Escaped);

            Assert.DoesNotContain('/', encoded);
            Assert.DoesNotContain('\\', encoded);
            Assert.DoesNotContain('%', encoded);
        }
    }
}
