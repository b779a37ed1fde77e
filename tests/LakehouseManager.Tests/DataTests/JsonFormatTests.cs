using LakehouseManager.DataTests;
using LakehouseManager.DataTests.Expectations;
using LakehouseManager.DataTests.Parsing;
using Xunit;

namespace LakehouseManager.Tests.DataTests;

public sealed class JsonFormatTests
{
    [Fact]
    public void An_original_json_file_parses_unchanged()
    {
        // Arrange
        var text = TestFiles.ReadTestData("original.json");

        // Act
        var suite = DataTestFileParser.Parse(text, "tests.json");

        // Assert
        Assert.Equal(DataTestFormat.Json, suite.Format);
        Assert.Equal(["orders_total", "regions_in_order", "Active customers"], suite.Tests.Select(t => t.Name));
        var scalar = Assert.IsType<ScalarExpectation>(suite.Tests[0].Expectation);
        Assert.Equal("total", scalar.Column);
        var equals = Assert.IsType<EqualsConstraint>(scalar.Constraint);
        Assert.Equal(1234.50m, equals.Expected);
        Assert.Null(equals.Tolerance);
        var list = Assert.IsType<OrderedListExpectation>(suite.Tests[1].Expectation);
        Assert.Equal("name", list.Column);
        Assert.Equal(["AMER", "APAC", "EMEA"], list.Values);
        Assert.All(suite.Tests, t => Assert.Equal(DataTestSeverity.Error, t.Severity));
        Assert.Equal([3, 10, 17], suite.Tests.Select(t => t.Line));
    }

    [Fact]
    public void The_branch_placeholder_is_the_only_substitution_in_the_sql()
    {
        // Arrange
        var suite = DataTestFileParser.Parse(TestFiles.ReadTestData("original.json"), "tests.json");
        var test = suite.Tests[0] with { Sql = "SELECT '{branch}', {branch}, {Branch}, { branch }, {{branch}} -- $branch" };

        // Act
        var sql = test.SqlFor("dev");

        // Assert
        Assert.Equal("SELECT 'dev', dev, {Branch}, { branch }, {dev} -- $branch", sql);
    }

    [Theory]
    [InlineData("{\"tests\": []}", 1, null, "'tests' is empty")]
    [InlineData("[]", 1, null, "the file must be an object with a 'tests' list")]
    [InlineData("{\"test\": []}", 1, null, "missing field 'tests'")]
    [InlineData("{\"tests\": [\n 5]}", 2, null, "a test must be an object with fields, found a number")]
    [InlineData("{\"tests\": [{\n\"name\": \"a\",\n\"type\": \"scalar\",\n\"query\": \"SELECT 1\",\n\"column_name\": \"x\"}]}",
        1, "a", "missing field 'expected'")]
    [InlineData("{\"tests\": [{\"name\": \"a\", \"type\": \"count\", \"query\": \"q\", \"column_name\": \"x\", \"expected\": 1}]}",
        1, "a", "unknown type 'count'; valid types are: scalar, sorted_aggregation")]
    [InlineData("{\"tests\": [{\"name\": \"a\", \"type\": \"scalar\", \"query\": \"q\", \"column_name\": \"x\",\n \"expected\": [1]}]}",
        2, "a", "'expected' must be a single value for type 'scalar'")]
    [InlineData("{\"tests\": [{\"name\": \"a\", \"type\": \"sorted_aggregation\", \"query\": \"q\", \"column_name\": \"x\", \"expected\": 1}]}",
        1, "a", "'expected' (type 'sorted_aggregation') must be a list of values, found a number")]
    [InlineData("{\"tests\": [{\"name\": 7, \"type\": \"scalar\", \"query\": \"q\", \"column_name\": \"x\", \"expected\": 1}]}",
        1, "7", "'name' must be a string, found a number")]
    [InlineData("{\"tests\": [{\"name\": \"a\", \"type\": \"scalar\", \"query\": \"  \", \"column_name\": \"x\", \"expected\": 1}]}",
        1, "a", "'query' is empty")]
    public void A_json_error_names_the_file_the_line_and_the_test(string json, int line, string? test, string message)
    {
        // Act
        var error = Assert.Throws<DataTestFileException>(() => DataTestFileParser.Parse(json, "tests.json"));

        // Assert
        var match = Assert.Single(error.Errors, e => e.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal(("tests.json", line, test), (match.Source, match.Line, match.TestName));
        Assert.Contains($"tests.json:{line}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_field_is_ignored_with_a_warning_as_the_original_tool_did()
    {
        // Arrange
        const string json = """
            {"tests": [
              {"name": "a", "type": "scalar", "query": "q", "column_name": "x", "expected": 1,
               "description": "kept from the old tool"}
            ]}
            """;

        // Act
        var suite = DataTestFileParser.Parse(json, "t.json");

        // Assert
        Assert.Equal("a", Assert.Single(suite.Tests).Name);
        var warning = Assert.Single(suite.Warnings);
        Assert.Equal(("t.json", 3, "a"), (warning.Source, warning.Line, warning.TestName));
        Assert.Equal(
            "ignored unknown field 'description' in a test; the format reads: name, type, query, column_name, expected",
            warning.Message);
    }

    [Fact]
    public void A_misspelt_required_field_is_still_an_error_because_the_field_is_missing()
    {
        // Arrange
        const string json = """
            {"tests": [
              {"name": "a", "type": "scalar", "query": "q", "column_name": "x", "expceted": 2}
            ]}
            """;

        // Act
        var error = Assert.Throws<DataTestFileException>(() => DataTestFileParser.Parse(json, "t.json"));

        // Assert
        Assert.Contains("t.json:2: test 'a': missing field 'expected'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicated_test_name_is_an_error_naming_both_lines()
    {
        // Arrange
        const string json = """
            {"tests": [
              {"name": "a", "type": "scalar", "query": "q", "column_name": "x", "expected": 1},
              {"name": "b", "type": "scalar", "query": "q", "column_name": "x", "expected": 1},
              {"name": "a", "type": "scalar", "query": "q", "column_name": "x", "expected": 2}
            ]}
            """;

        // Act
        var error = Assert.Throws<DataTestFileException>(() => DataTestFileParser.Parse(json, "t.json"));

        // Assert
        Assert.Equal("t.json:4: test 'a': duplicate test name 'a': first defined at line 2, again at line 4", error.Message);
    }

    [Fact]
    public void Invalid_json_names_the_line_of_the_syntax_error()
    {
        // Arrange
        const string json = "{\"tests\": [\n  {\"name\": \"a\",}\n]}";

        // Act
        var error = Assert.Throws<DataTestFileException>(() => DataTestFileParser.Parse(json, "t.json"));

        // Assert
        var only = Assert.Single(error.Errors);
        Assert.Equal(2, only.Line);
        Assert.StartsWith("invalid JSON: ", only.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", only.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"tests\": [\n  {\"name\": \"a\",}\n]}", 2, "invalid JSON: a comma before this '}': JSON allows no comma after the last item of a list or an object, remove it")]
    [InlineData("{\"tests\": [\n  {\"name\": \"a\"},\n]}", 3, "invalid JSON: a comma before this ']': JSON allows no comma after the last item of a list or an object, remove it")]
    [InlineData("{\"tests\": [\n  // the first test\n  {\"name\": \"a\"}\n]}", 2, "invalid JSON: a comment, which JSON does not allow: remove it (a YAML tests file may have # comments)")]
    public void A_trailing_comma_or_a_comment_is_named_in_plain_words(string json, int line, string message)
    {
        // Act
        var error = Assert.Throws<DataTestFileException>(() => DataTestFileParser.Parse(json, "t.json"));

        // Assert
        var only = Assert.Single(error.Errors);
        Assert.Equal((line, message), (only.Line, only.Message));
    }

    [Fact]
    public void Other_syntax_errors_keep_the_readers_words_without_its_advice_on_reader_options()
    {
        // Act
        var error = Assert.Throws<DataTestFileException>(() => DataTestFileParser.Parse("{\"tests\": [}", "t.json"));

        // Assert
        var only = Assert.Single(error.Errors);
        Assert.StartsWith("invalid JSON: '}' is", only.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("reader options", only.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", only.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_a_file_is_reported_at_once()
    {
        // Arrange
        const string json = """
            {"tests": [
              {"name": "a", "type": "scalr", "query": "q", "column_name": "x", "expected": 1},
              {"type": "scalar", "query": "q", "column_name": "x", "expected": 1}
            ]}
            """;

        // Act
        var error = Assert.Throws<DataTestFileException>(() => DataTestFileParser.Parse(json, "t.json"));

        // Assert
        Assert.Equal(2, error.Errors.Count);
        Assert.Equal(
            "t.json has 2 errors:\n" +
            "  t.json:2: test 'a': unknown type 'scalr'; valid types are: scalar, sorted_aggregation\n" +
            "  t.json:3: test #2: missing field 'name' (the test's name)",
            error.Message);
    }

    [Theory]
    [InlineData("{\"tests\":[]}", DataTestFormat.Json)]
    [InlineData("\uFEFF\n   {\"tests\":[]}", DataTestFormat.Json)]
    [InlineData("tests:\n  - name: a", DataTestFormat.Yaml)]
    [InlineData("# {\"tests\":[]}\ntests: []", DataTestFormat.Yaml)]
    [InlineData("---\n{\"tests\":[]}", DataTestFormat.Yaml)]
    public void The_format_is_detected_by_content(string text, DataTestFormat expected)
    {
        Assert.Equal(expected, DataTestFileParser.DetectFormat(text));
    }

    [Fact]
    public void The_file_name_does_not_decide_the_format()
    {
        // Arrange
        var json = TestFiles.ReadTestData("original.json");
        var yaml = TestFiles.ReadTestData("rich.yaml");

        // Act
        var fromJsonNamedYaml = DataTestFileParser.Parse(json, "tests.yaml");
        var fromYamlNamedJson = DataTestFileParser.Parse(yaml, "tests.json");

        // Assert
        Assert.Equal(DataTestFormat.Json, fromJsonNamedYaml.Format);
        Assert.Equal(DataTestFormat.Yaml, fromYamlNamedJson.Format);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\n ")]
    [InlineData("\uFEFF")]
    public void An_empty_file_is_an_error_that_shows_both_formats(string text)
    {
        var error = Assert.Throws<DataTestFileException>(() => DataTestFileParser.Parse(text, "tests.yaml"));

        Assert.Equal(
            "tests.yaml:1: the file is empty; write the JSON format ({\"tests\": [...]}) or the YAML format " +
            "('tests:' then a list), see docs/data-tests.md",
            error.Message);
    }
}
