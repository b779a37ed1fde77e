using LakehouseManager.DataTests.Expectations;

namespace LakehouseManager.DataTests.Parsing;

/// <summary>
/// The original tool's format, read unchanged: <c>{"tests":[{"name","type","query","column_name","expected"}]}</c>, with
/// <c>type</c> <c>scalar</c> (the first row's value) or <c>sorted_aggregation</c> (the column's values in order).
/// </summary>
internal static class JsonTestFile
{
    private const string Example = "{\"tests\": [{\"name\": ..., \"type\": ..., \"query\": ..., \"column_name\": ..., \"expected\": ...}]}";
    private static readonly string[] s_fields = ["name", "type", "query", "column_name", "expected"];
    private static readonly string[] s_types = ["scalar", "sorted_aggregation"];

    public static IReadOnlyList<DataTest> Read(SourceNode root, ParseErrors errors)
    {
        var tests = new List<DataTest>();
        var names = new TestNames();
        foreach (var (item, number) in SuiteShape.Items(root, errors, Example, unknownIsWarning: true))
        {
            var before = errors.Count;
            var scope = errors.ForTest(SuiteShape.PeekName(item), number);
            var fields = new FieldReader(item, "a test", s_fields, scope, unknownIsWarning: true);

            var nameEntry = fields.Require("name", item.Line, "the test's name");
            var name = SchemaValues.Text(nameEntry, scope, strict: true);
            if (name is not null)
            {
                names.Add(name, nameEntry!.Line, scope);
            }

            var type = SchemaValues.Text(fields.Require("type", item.Line, $"one of: {string.Join(", ", s_types)}"), scope, strict: true);
            if (type is not null && !s_types.Contains(type, StringComparer.Ordinal))
            {
                scope.Error(fields.Get("type")!.Value.Line,
                    $"unknown type '{type}'; valid types are: {string.Join(", ", s_types)}");
            }

            var query = SchemaValues.Text(fields.Require("query", item.Line, "the SQL to run"), scope, strict: true);
            var column = SchemaValues.Text(
                fields.Require("column_name", item.Line, "the column to compare"), scope, strict: true);
            var expected = fields.Require("expected", item.Line, "the expected value, or list for sorted_aggregation");
            var expectation = expected is null || column is null ? null : ReadExpectation(type, column, expected.Value, scope);

            if (errors.Count == before && name is not null && query is not null && expectation is not null)
            {
                tests.Add(new DataTest { Name = name, Sql = query, Expectation = expectation, Line = item.Line });
            }
        }

        return tests;
    }

    private static Expectation? ReadExpectation(string? type, string column, SourceNode expected, ParseScope scope)
    {
        switch (type)
        {
            case "scalar" when expected is SourceSequence:
                scope.Error(expected.Line,
                    "'expected' must be a single value for type 'scalar' (use type 'sorted_aggregation' for a list)");
                return null;
            case "scalar":
                return SchemaValues.TryLiteral(expected, "'expected'", scope, out var value)
                    ? new ScalarExpectation(column, new EqualsConstraint(value))
                    : null;
            case "sorted_aggregation":
                var values = SchemaValues.Literals(expected, "'expected' (type 'sorted_aggregation')", scope);
                return values is null ? null : new OrderedListExpectation(column, values);
            default:
                return null;
        }
    }
}
