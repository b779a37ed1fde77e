namespace LakehouseManager.DataTests.Expectations;

/// <summary>
/// Finds the column an expectation reads. Exact name first, then case-insensitively, because Dremio may return a
/// column in another case than the file wrote it (an unquoted alias can come back upper-cased). Two columns that differ
/// only in case and match neither exactly are ambiguous: an error, not a guess.
/// </summary>
internal static class ColumnLookup
{
    /// <summary>The column's index, or an error evaluation that lists the columns there are.</summary>
    public static (int Index, DataTestEvaluation? Error) Find(IReadOnlyList<string> columns, string? name)
    {
        if (name is null)
        {
            // The YAML format lets a one-column query leave the column out.
            return columns.Count == 1
                ? (0, null)
                : (-1, Missing($"the query returned {columns.Count} columns ({List(columns)}); name the one to " +
                              "compare with 'column'"));
        }

        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i], name, StringComparison.Ordinal))
            {
                return (i, null);
            }
        }

        var matches = Enumerable.Range(0, columns.Count)
            .Where(i => string.Equals(columns[i], name, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return matches.Count switch
        {
            1 => (matches[0], null),
            0 => (-1, Missing($"column '{name}' not found; the query returned: {List(columns)}")),
            _ => (-1, Missing($"column '{name}' matches {string.Join(" and ", matches.Select(i => $"'{columns[i]}'"))} " +
                              "when case is ignored; write its exact name")),
        };
    }

    private static string List(IReadOnlyList<string> columns) =>
        columns.Count == 0 ? "no columns" : string.Join(", ", columns);

    private static DataTestEvaluation Missing(string message) =>
        DataTestEvaluation.Error(DataTestErrorKind.UnexpectedResult, message);
}
