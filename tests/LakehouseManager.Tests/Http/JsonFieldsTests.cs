using System.Text.Json;
using LakehouseManager.Http;
using Xunit;

namespace LakehouseManager.Tests.Http;

public sealed class JsonFieldsTests
{
    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void A_missing_or_null_field_reads_as_nothing()
    {
        var json = Parse("""{"nothing": null}""");

        Assert.Null(JsonFields.GetString(json, "nothing"));
        Assert.Null(JsonFields.GetString(json, "absent"));
        Assert.Null(JsonFields.GetInt64(json, "nothing"));
        Assert.Null(JsonFields.GetObject(json, "absent"));
        Assert.Null(JsonFields.GetArray(json, "absent"));
        Assert.True(JsonFields.GetBoolean(json, "nothing", fallback: true));
        Assert.Empty(JsonFields.GetStrings(json, "absent"));
    }

    [Fact]
    public void Fields_of_the_right_type_are_read()
    {
        var json = Parse("""{"name": "a", "count": 42, "flag": true, "inner": {"x": 1}, "path": ["s", "v"]}""");

        Assert.Equal("a", JsonFields.RequireString(json, "name"));
        Assert.Equal(42, JsonFields.GetInt64(json, "count"));
        Assert.True(JsonFields.GetBoolean(json, "flag"));
        Assert.Equal(1, JsonFields.GetInt64(JsonFields.GetObject(json, "inner")!.Value, "x"));
        Assert.Equal(["s", "v"], JsonFields.GetStrings(json, "path"));
    }

    [Theory]
    [InlineData("""{"f": 1}""", "string", "the field 'f' is not a string")]
    [InlineData("""{"f": "1"}""", "integer", "the field 'f' is not an integer")]
    [InlineData("""{"f": 1.5}""", "integer", "the field 'f' is not an integer")]
    [InlineData("""{"f": "yes"}""", "boolean", "the field 'f' is not a boolean")]
    [InlineData("""{"f": []}""", "object", "the field 'f' is not an object")]
    [InlineData("""{"f": {}}""", "array", "the field 'f' is not an array")]
    [InlineData("""{"f": ["a", 2]}""", "strings", "the field 'f' holds a value that is not a string")]
    [InlineData("""{}""", "required string", "the field 'f' is missing")]
    public void A_field_of_the_wrong_type_or_a_missing_required_one_is_an_error_naming_it(string json, string reader, string message)
    {
        var element = Parse(json);
        Action read = reader switch
        {
            "string" => () => JsonFields.GetString(element, "f"),
            "integer" => () => JsonFields.GetInt64(element, "f"),
            "boolean" => () => JsonFields.GetBoolean(element, "f"),
            "object" => () => JsonFields.GetObject(element, "f"),
            "array" => () => JsonFields.GetArray(element, "f"),
            "strings" => () => JsonFields.GetStrings(element, "f"),
            _ => () => JsonFields.RequireString(element, "f"),
        };

        Assert.Equal(message, Assert.Throws<FormatException>(read).Message);
    }

    [Fact]
    public void An_answer_that_is_not_an_object_is_named()
    {
        Assert.Equal("the answer is not a JSON object", Assert.Throws<FormatException>(() => JsonFields.RequireObject(Parse("[]"), "the answer")).Message);
    }
}
