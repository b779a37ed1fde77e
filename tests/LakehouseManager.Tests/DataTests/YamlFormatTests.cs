using LakehouseManager.DataTests;
using LakehouseManager.DataTests.Expectations;
using LakehouseManager.DataTests.Parsing;
using Xunit;

namespace LakehouseManager.Tests.DataTests;

public sealed class YamlFormatTests
{
    [Fact]
    public void A_yaml_file_with_every_expectation_kind_parses()
    {
        // Arrange
        var text = TestFiles.ReadTestData("rich.yaml");

        // Act
        var suite = DataTestFileParser.Parse(text, "tests.yaml");

        // Assert
        Assert.Equal(DataTestFormat.Yaml, suite.Format);
        var tests = suite.Tests.ToDictionary(t => t.Name);
        Assert.Equal(7, tests.Count);

        var noRows = tests["no_negative_amounts"];
        Assert.IsType<NoRowsExpectation>(noRows.Expectation);
        Assert.Equal("Orders never have a negative amount", noRows.Description);
        Assert.Equal(["orders", "nightly"], noRows.Tags);
        Assert.Equal(TimeSpan.FromSeconds(30), noRows.Timeout);
        Assert.Equal(DataTestSeverity.Error, noRows.Severity);
        Assert.Equal(3, noRows.Line);

        var revenue = tests["revenue_total"];
        Assert.Equal("SELECT SUM(amount) AS total\nFROM shop.sales.orders\n", revenue.Sql);
        Assert.Equal(DataTestSeverity.Warn, revenue.Severity);
        Assert.Equal(
            new ScalarExpectation("total", new EqualsConstraint(1234.5m, 0.01m)), revenue.Expectation);

        var range = Assert.IsType<ScalarExpectation>(tests["revenue_in_range"].Expectation);
        var bounds = Assert.IsType<RangeConstraint>(range.Constraint);
        Assert.Equal((1000m, 2000m), (bounds.Min!.Value, bounds.Max!.Value));

        var atLeast = Assert.IsType<ScalarExpectation>(tests["some_orders"].Expectation);
        Assert.Null(atLeast.Column);
        Assert.Equal("at least 1", atLeast.Constraint.Describe());

        var list = Assert.IsType<OrderedListExpectation>(tests["top_customers"].Expectation);
        Assert.Equal(["acme", "globex", "42", 42m, null], list.Values);
        Assert.Equal(["orders"], tests["top_customers"].Tags);

        var count = Assert.IsType<RowCountExpectation>(tests["five_regions"].Expectation);
        Assert.Equal((5L, 5L), (count.Min!.Value, count.Max!.Value));
        Assert.Equal("regions are being migrated", tests["five_regions"].SkipReason);

        var between = Assert.IsType<RowCountExpectation>(tests["a_few_currencies"].Expectation);
        Assert.Equal((2L, 200L), (between.Min!.Value, between.Max!.Value));
        Assert.Equal(TimeSpan.FromSeconds(90), tests["a_few_currencies"].Timeout);
    }

    [Fact]
    public void Yaml_values_follow_the_core_schema_and_quotes_make_text()
    {
        // Arrange
        const string yaml = """
            tests:
              - name: values
                sql: SELECT v FROM t
                expect:
                  ordered_list:
                    equals: [5, "5", 5.0, -1.5e2, yes, true, False, null, ~, '', 0x1F, 0o17, !!str 7, 2024-01-31]
            """;

        // Act
        var suite = DataTestFileParser.Parse(yaml, "t.yaml");

        // Assert
        var list = Assert.IsType<OrderedListExpectation>(suite.Tests[0].Expectation);
        Assert.Equal(
            [5m, "5", 5.0m, -150m, "yes", true, false, null, null, "", 31m, 15m, "7", "2024-01-31"],
            list.Values);
    }

    [Fact]
    public void Anchors_and_aliases_share_a_value()
    {
        // Arrange
        const string yaml = """
            tests:
              - name: first
                sql: &query SELECT region FROM shop.ref.regions ORDER BY region
                expect: { ordered_list: { equals: &regions [AMER, APAC, EMEA] } }
              - name: second
                sql: *query
                expect: { ordered_list: { column: region, equals: *regions } }
            """;

        // Act
        var suite = DataTestFileParser.Parse(yaml, "t.yaml");

        // Assert
        Assert.Equal(suite.Tests[0].Sql, suite.Tests[1].Sql);
        Assert.Equal(["AMER", "APAC", "EMEA"], ((OrderedListExpectation)suite.Tests[1].Expectation).Values);
    }

    [Theory]
    [InlineData("expcet: { no_rows: true }", 4,
        "unknown field 'expcet' in a test (did you mean 'expect'?); valid fields are: name, description, sql, expect, severity, tags, timeout, skip")]
    [InlineData("expect: { no_rows: true }\n    severity: fatal", 5, "unknown severity 'fatal'; valid severities are: error, warn")]
    [InlineData("expect: { no_row: true }", 4,
        "unknown expectation 'no_row' in 'expect' (did you mean 'no_rows'?); valid expectations are: no_rows, scalar, ordered_list, row_count")]
    [InlineData("expect: { no_rows: false }", 4, "'no_rows' must be true")]
    [InlineData("expect: { no_rows: true, row_count: { equals: 1 } }", 4,
        "a test has one expectation, found no_rows and row_count: split it into several tests")]
    [InlineData("expect: {}", 4, "'expect' needs one of: no_rows, scalar, ordered_list, row_count")]
    [InlineData("expect: no_rows", 4, "'expect' must be a mapping with one of: no_rows, scalar, ordered_list, row_count")]
    [InlineData("expect: { scalar: { column: x } }", 4, "'scalar' needs one of: equals, between, at_least, at_most")]
    [InlineData("expect: { scalar: { equals: 1, at_least: 0 } }", 4,
        "'scalar' takes equals, or between, or at_least and/or at_most; found equals, at_least")]
    [InlineData("expect: { scalar: { equals: abc, tolerance: 0.1 } }", 4, "'tolerance' only applies to 'equals' with a number")]
    [InlineData("expect: { scalar: { equals: 1, tolerance: -1 } }", 4, "'tolerance' must be 0 or more")]
    [InlineData("expect: { scalar: { equals: [1] } }", 4, "'scalar.equals' must be a single value")]
    [InlineData("expect: { scalar: { between: [1] } }", 4, "'scalar.between' must be a list of two bounds, e.g. [1, 10]")]
    [InlineData("expect: { scalar: { between: [5, 1] } }", 4, "'scalar': the lower bound 5 is above the upper bound 1")]
    [InlineData("expect: { scalar: { at_most: ten } }", 4, "'scalar.at_most' must be a number, found text")]
    [InlineData("expect: { scalar: { colum: x, equals: 1 } }", 4,
        "unknown field 'colum' in 'scalar' (did you mean 'column'?); valid fields are: column, equals, tolerance, between, at_least, at_most")]
    [InlineData("expect: { row_count: { equals: 1.5 } }", 4, "'row_count.equals' must be a whole number of rows (0 or more), found 1.5")]
    [InlineData("expect: { row_count: { at_least: -1 } }", 4, "'row_count.at_least' must be a whole number of rows")]
    [InlineData("expect: { ordered_list: { column: x } }", 4, "missing field 'equals' (the expected values in order")]
    [InlineData("expect: { ordered_list: { equals: [a, [b]] } }", 4, "each value of 'ordered_list.equals' must be a single value")]
    [InlineData("expect: { no_rows: true }\n    timeout: 30", 5, "invalid timeout '30': write a number and a unit (ms, s, m, h), e.g. 30s, 5m, 1m30s")]
    [InlineData("expect: { no_rows: true }\n    timeout: soon", 5, "invalid timeout 'soon'")]
    [InlineData("expect: { no_rows: true }\n    timeout: 0s", 5, "invalid timeout '0s': it must be more than 0 and at most 24h")]
    [InlineData("expect: { no_rows: true }\n    timeout: 25h", 5, "invalid timeout '25h': it must be more than 0 and at most 24h")]
    [InlineData("expect: { no_rows: true }\n    tags: [ok, 'two words']", 5, "invalid tag 'two words': a tag is one word")]
    [InlineData("expect: { no_rows: true }\n    tags: [a:b]", 5, "invalid tag 'a:b'")]
    [InlineData("expect: { no_rows: true }\n    skip: [x]", 5, "'skip' must be the reason the test is skipped (text) or true")]
    [InlineData("expect: { no_rows: true }\n    expect: { no_rows: true }", 5,
        "field 'expect' appears twice in a test (lines 4 and 5)")]
    public void A_yaml_error_names_the_file_the_line_and_the_test(string rest, int line, string message)
    {
        // Arrange
        var yaml = $"tests:\n  - name: my_test\n    sql: SELECT 1\n    {rest}\n";

        // Act
        var error = Assert.Throws<DataTestFileException>(() => DataTestFileParser.Parse(yaml, "tests.yaml"));

        // Assert
        var match = Assert.Single(error.Errors, e => e.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal(("tests.yaml", line, "my_test", 1), (match.Source, match.Line, match.TestName, match.TestNumber));
        Assert.StartsWith($"tests.yaml:{line}: test 'my_test': ", match.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tests: []", 1, "'tests' is empty: a tests file needs at least one test")]
    [InlineData("tests:", 1, "'tests' must be a list of tests, found null")]
    [InlineData("tests: {}", 1, "'tests' must be a list of tests, found an object")]
    [InlineData("- name: a", 1, "the file must be an object with a 'tests' list")]
    [InlineData("# only a comment", 1, "the file holds no YAML document")]
    [InlineData("tests:\n  - name: a\n    sql: [unclosed\n", 4, "invalid YAML: ")]
    [InlineData("tests:\n  - name: a\n---\ntests: []", 3, "the file holds more than one YAML document")]
    [InlineData("tests:\n  - name: a\n    sql: *nowhere", 3, "invalid YAML: Unknown alias '*nowhere'.")]
    public void A_badly_shaped_yaml_file_is_an_error_with_its_line(string yaml, int line, string message)
    {
        var error = Assert.Throws<DataTestFileException>(() => DataTestFileParser.Parse(yaml, "tests.yaml"));

        var match = Assert.Single(error.Errors, e => e.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal(line, match.Line);
        Assert.DoesNotContain("Idx:", match.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("two words")]
    [InlineData("a,b")]
    [InlineData("tag:nightly")]
    public void A_test_name_that_could_not_be_selected_is_an_error(string name)
    {
        var yaml = $"tests:\n  - name: '{name}'\n    sql: SELECT 1\n    expect: {{ no_rows: true }}\n";

        var error = Assert.Throws<DataTestFileException>(() => DataTestFileParser.Parse(yaml, "t.yaml"));

        Assert.Contains($"invalid test name '{name}': a name is one word", error.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicated_yaml_test_name_is_an_error_naming_both_lines()
    {
        // Arrange
        const string yaml = """
            tests:
              - name: orders
                sql: SELECT 1
                expect: { no_rows: true }
              - name: orders
                sql: SELECT 2
                expect: { no_rows: true }
            """;

        // Act
        var error = Assert.Throws<DataTestFileException>(() => DataTestFileParser.Parse(yaml, "t.yaml"));

        // Assert
        Assert.Equal("t.yaml:5: test 'orders': duplicate test name 'orders': first defined at line 2, again at line 5",
            error.Message);
    }

    [Fact]
    public void A_test_without_name_sql_or_expect_lists_each_missing_field()
    {
        // Arrange
        const string yaml = "tests:\n  - description: nothing else\n";

        // Act
        var error = Assert.Throws<DataTestFileException>(() => DataTestFileParser.Parse(yaml, "t.yaml"));

        // Assert
        Assert.Equal(
            [
                "t.yaml:2: test #1: missing field 'name' (the test's name, e.g. no_negative_amounts)",
                "t.yaml:2: test #1: missing field 'sql' (the query to run)",
                "t.yaml:2: test #1: missing field 'expect' (one of: no_rows, scalar, ordered_list, row_count)",
            ],
            error.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Skip_true_gives_a_default_reason_and_false_runs_the_test()
    {
        // Arrange
        const string yaml = """
            tests:
              - { name: a, sql: SELECT 1, expect: { no_rows: true }, skip: true }
              - { name: b, sql: SELECT 1, expect: { no_rows: true }, skip: false }
            """;

        // Act
        var suite = DataTestFileParser.Parse(yaml, "t.yaml");

        // Assert
        Assert.Equal("marked skip", suite.Tests[0].SkipReason);
        Assert.Null(suite.Tests[1].SkipReason);
    }
}
