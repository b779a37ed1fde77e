namespace LakehouseManager.DataTests.Parsing;

/// <summary>Typed reads of field values, each reporting what it expected and what it found.</summary>
internal static class SchemaValues
{
    /// <summary>
    /// Non-empty text. JSON (strict) wants a JSON string; YAML takes any scalar as written, so <c>name: 2024</c> is the
    /// name "2024".
    /// </summary>
    public static string? Text(SourceEntry? entry, ParseScope scope, bool strict)
    {
        if (entry is null)
        {
            return null;
        }

        var value = entry.Value;
        if (value is SourceScalar { Value: null })
        {
            scope.Error(value.Line, $"'{entry.Key}' has no value");
            return null;
        }

        if (value is SourceScalar scalar && (scalar.Value is string || !strict))
        {
            if (string.IsNullOrWhiteSpace(scalar.Text))
            {
                scope.Error(value.Line, $"'{entry.Key}' is empty");
                return null;
            }

            return scalar.Text;
        }

        scope.Error(value.Line, $"'{entry.Key}' must be {(strict ? "a string" : "text")}, found {value.KindName}");
        return null;
    }

    /// <summary>A single value (null, true/false, a number or text) to compare with; a list or object is an error.</summary>
    public static bool TryLiteral(SourceNode node, string what, ParseScope scope, out object? value)
    {
        if (node is SourceScalar scalar)
        {
            value = scalar.Value;
            return true;
        }

        scope.Error(node.Line, $"{what} must be a single value (a number, text, true/false or null), found {node.KindName}");
        value = null;
        return false;
    }

    /// <summary>A list of single values.</summary>
    public static List<object?>? Literals(SourceNode node, string what, ParseScope scope)
    {
        if (node is not SourceSequence list)
        {
            scope.Error(node.Line, $"{what} must be a list of values, found {node.KindName}");
            return null;
        }

        var values = new List<object?>();
        var ok = true;
        foreach (var item in list.Items)
        {
            ok &= TryLiteral(item, $"each value of {what}", scope, out var value);
            values.Add(value);
        }

        return ok ? values : null;
    }

    /// <summary>A number that fits a decimal (bounds and tolerances compare exactly).</summary>
    public static decimal? Number(SourceNode node, string what, ParseScope scope)
    {
        switch (node)
        {
            case SourceScalar { Value: decimal d }:
                return d;
            case SourceScalar { Value: double }:
                scope.Error(node.Line, $"{what} is out of range: {((SourceScalar)node).Text}");
                return null;
            default:
                scope.Error(node.Line, $"{what} must be a number, found {node.KindName}");
                return null;
        }
    }

    /// <summary>A whole number of at least zero (row counts).</summary>
    public static long? Count(SourceNode node, string what, ParseScope scope)
    {
        var number = Number(node, what, scope);
        if (number is null)
        {
            return null;
        }

        if (number < 0 || number != decimal.Truncate(number.Value) || number > long.MaxValue)
        {
            scope.Error(node.Line, $"{what} must be a whole number of rows (0 or more), found {((SourceScalar)node).Text}");
            return null;
        }

        return (long)number.Value;
    }
}
