using LakehouseManager.DataTests.Expectations;

namespace LakehouseManager.DataTests.Parsing;

/// <summary>
/// Reads <c>expect:</c>, a mapping with exactly one expectation kind:
/// <c>no_rows: true</c>, <c>scalar: {column, equals [tolerance] | between | at_least / at_most}</c>,
/// <c>ordered_list: {column, equals: [...], tolerance}</c>, <c>row_count: {equals | between | at_least / at_most}</c>.
/// </summary>
internal static class YamlExpectationReader
{
    public static readonly string[] Kinds = ["no_rows", "scalar", "ordered_list", "row_count"];
    private static readonly string[] s_scalarFields = ["column", "equals", "tolerance", "between", "at_least", "at_most"];
    private static readonly string[] s_listFields = ["column", "equals", "tolerance"];
    private static readonly string[] s_countFields = ["equals", "between", "at_least", "at_most"];

    public static Expectation? Read(SourceNode node, ParseScope scope)
    {
        if (node is not SourceMapping mapping)
        {
            scope.Error(node.Line,
                $"'expect' must be a mapping with one of: {string.Join(", ", Kinds)} (e.g. 'expect: {{ no_rows: true }}'), " +
                $"found {node.KindName}");
            return null;
        }

        var fields = new FieldReader(mapping, "'expect'", Kinds, scope, noun: "expectation");
        var present = fields.Present(Kinds);
        if (present.Count != 1)
        {
            scope.Error(mapping.Line, present.Count == 0
                ? $"'expect' needs one of: {string.Join(", ", Kinds)}"
                : $"a test has one expectation, found {string.Join(" and ", present.Select(p => p.Key))}: " +
                  "split it into several tests");
            return null;
        }

        var kind = present[0];
        return kind.Key switch
        {
            "no_rows" => ReadNoRows(kind.Value, scope),
            "scalar" => ReadScalar(kind.Value, scope),
            "ordered_list" => ReadOrderedList(kind.Value, scope),
            _ => ReadRowCount(kind.Value, scope),
        };
    }

    private static NoRowsExpectation? ReadNoRows(SourceNode node, ParseScope scope)
    {
        if (node is SourceScalar { Value: true })
        {
            return new NoRowsExpectation();
        }

        scope.Error(node.Line, "'no_rows' must be true: the query selects the offending rows and the test passes " +
                               "when there are none");
        return null;
    }

    private static ScalarExpectation? ReadScalar(SourceNode node, ParseScope scope)
    {
        var fields = Fields(node, "scalar", s_scalarFields, scope);
        if (fields is null)
        {
            return null;
        }

        var column = ReadColumn(fields, scope);
        var constraint = ReadConstraint(fields, "scalar", node.Line, scope, out var equalsOnly);
        var tolerance = ReadTolerance(fields, scope);
        if (constraint is null)
        {
            return null;
        }

        if (tolerance is not null && !(equalsOnly && constraint is EqualsConstraint { Expected: var e } && ValueComparer.IsNumber(e)))
        {
            scope.Error(fields.Get("tolerance")!.Line, "'tolerance' only applies to 'equals' with a number");
            return null;
        }

        return constraint switch
        {
            EqualsConstraint equals => new ScalarExpectation(column, equals with { Tolerance = tolerance }),
            _ => new ScalarExpectation(column, constraint),
        };
    }

    private static OrderedListExpectation? ReadOrderedList(SourceNode node, ParseScope scope)
    {
        var fields = Fields(node, "ordered_list", s_listFields, scope);
        if (fields is null)
        {
            return null;
        }

        var column = ReadColumn(fields, scope);
        var equals = fields.Require("equals", node.Line, "the expected values in order, e.g. [acme, globex]");
        var values = equals is null ? null : SchemaValues.Literals(equals.Value, "'ordered_list.equals'", scope);
        var tolerance = ReadTolerance(fields, scope);
        return values is null ? null : new OrderedListExpectation(column, values, tolerance);
    }

    private static RowCountExpectation? ReadRowCount(SourceNode node, ParseScope scope)
    {
        var fields = Fields(node, "row_count", s_countFields, scope);
        if (fields is null || !OneBound(fields, "row_count", node.Line, scope))
        {
            return null;
        }

        if (fields.Get("equals") is { } equals)
        {
            var count = SchemaValues.Count(equals.Value, "'row_count.equals'", scope);
            return count is null ? null : new RowCountExpectation(count, count);
        }

        var (min, max) = Bounds(fields, "row_count", scope, (n, what) => SchemaValues.Count(n, what, scope));
        return min is null && max is null ? null : new RowCountExpectation(min, max);
    }

    private static ValueConstraint? ReadConstraint(FieldReader fields, string kind, int line, ParseScope scope,
        out bool equalsOnly)
    {
        equalsOnly = false;
        if (!OneBound(fields, kind, line, scope))
        {
            return null;
        }

        if (fields.Get("equals") is { } equals)
        {
            equalsOnly = true;
            return SchemaValues.TryLiteral(equals.Value, $"'{kind}.equals'", scope, out var value)
                ? new EqualsConstraint(value)
                : null;
        }

        var (min, max) = Bounds(fields, kind, scope, (n, what) => SchemaValues.Number(n, what, scope));
        return min is null && max is null ? null : new RangeConstraint(min, max);
    }

    /// <summary>Exactly one of equals, between, or at_least and/or at_most.</summary>
    private static bool OneBound(FieldReader fields, string kind, int line, ParseScope scope)
    {
        var forms = new[] { "equals", "between", "at_least", "at_most" };
        var present = fields.Present(forms).Select(e => e.Key).ToList();
        var ok = present.Count == 1 || (present.Count == 2 && present.Contains("at_least") && present.Contains("at_most"));
        if (!ok)
        {
            scope.Error(line, present.Count == 0
                ? $"'{kind}' needs one of: equals, between, at_least, at_most"
                : $"'{kind}' takes equals, or between, or at_least and/or at_most; found {string.Join(", ", present)}");
        }

        return ok;
    }

    /// <summary>Reads between: [a, b], or at_least / at_most; returns (null, null) after reporting a problem.</summary>
    private static (T? Min, T? Max) Bounds<T>(FieldReader fields, string kind, ParseScope scope,
        Func<SourceNode, string, T?> read)
        where T : struct, IComparable<T>
    {
        T? min, max;
        if (fields.Get("between") is { } between)
        {
            if (between.Value is not SourceSequence { Items.Count: 2 } pair)
            {
                scope.Error(between.Value.Line, $"'{kind}.between' must be a list of two bounds, e.g. [1, 10]");
                return (null, null);
            }

            min = read(pair.Items[0], $"the lower bound of '{kind}.between'");
            max = read(pair.Items[1], $"the upper bound of '{kind}.between'");
            if (min is null || max is null)
            {
                return (null, null);
            }
        }
        else
        {
            var atLeast = fields.Get("at_least");
            var atMost = fields.Get("at_most");
            min = atLeast is null ? null : read(atLeast.Value, $"'{kind}.at_least'");
            max = atMost is null ? null : read(atMost.Value, $"'{kind}.at_most'");
            if ((atLeast is not null && min is null) || (atMost is not null && max is null))
            {
                return (null, null);
            }
        }

        if (min is { } low && max is { } high && low.CompareTo(high) > 0)
        {
            scope.Error(fields.Get("between")?.Line ?? fields.Get("at_most")!.Line,
                $"'{kind}': the lower bound {low} is above the upper bound {high}");
            return (null, null);
        }

        return (min, max);
    }

    private static decimal? ReadTolerance(FieldReader fields, ParseScope scope)
    {
        var entry = fields.Get("tolerance");
        if (entry is null)
        {
            return null;
        }

        var tolerance = SchemaValues.Number(entry.Value, "'tolerance'", scope);
        if (tolerance < 0)
        {
            scope.Error(entry.Value.Line, "'tolerance' must be 0 or more");
            return null;
        }

        return tolerance;
    }

    private static string? ReadColumn(FieldReader fields, ParseScope scope) =>
        SchemaValues.Text(fields.Get("column"), scope, strict: false);

    private static FieldReader? Fields(SourceNode node, string kind, IReadOnlyList<string> valid, ParseScope scope)
    {
        if (node is SourceMapping mapping)
        {
            return new FieldReader(mapping, $"'{kind}'", valid, scope);
        }

        scope.Error(node.Line, $"'{kind}' must be a mapping of: {string.Join(", ", valid)}, found {node.KindName}");
        return null;
    }
}
