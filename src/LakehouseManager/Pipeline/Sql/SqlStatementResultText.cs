using System.Globalization;
using LakehouseManager.Reporting;

namespace LakehouseManager.Pipeline.Sql;

/// <summary>A statement's answer as the console shows it: the rows as a text table, and how many there were. Pure.</summary>
internal static class SqlStatementResultText
{
    public static string Render(SqlStatementResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Columns.Count == 0)
        {
            return "Done (no rows).";
        }

        var table = new TextTable(result.Columns.Select(c => new TextColumn(c, TextAlignment.Left, 80)));
        foreach (var row in result.Rows)
        {
            table = table.WithRow([.. row.Select(Cell)]);
        }

        var shown = result.Rows.Count;
        var footer = result.TotalRows > shown
            ? $"{shown.ToString("N0", CultureInfo.InvariantCulture)} of {result.TotalRows.ToString("N0", CultureInfo.InvariantCulture)} row(s) shown"
            : $"{result.TotalRows.ToString("N0", CultureInfo.InvariantCulture)} row(s)";
        return table.Render() + footer;
    }

    private static string? Cell(object? value) => value switch
    {
        null => "NULL",
        bool b => b ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
