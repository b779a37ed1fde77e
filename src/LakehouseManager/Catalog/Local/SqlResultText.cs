using System.Globalization;
using LakehouseManager.Reporting;

namespace LakehouseManager.Catalog.Local;

/// <summary>Renders the result of one statement of the local SQL front door for the console: a table, then the message.</summary>
public static class SqlResultText
{
    public static string Render(LocalSqlResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        // Commands answer Dremio's (ok, summary) row; the summary is the message, so it is said once.
        if (result.Columns.Count == 0 || result.Columns.SequenceEqual(["ok", "summary"]))
        {
            return result.Message;
        }

        var table = new TextTable([.. result.Columns.Select(c => new TextColumn(c, MaxWidth: 80))]);
        foreach (var row in result.Rows)
        {
            table = table.WithRow([.. row.Select(Cell)]);
        }

        var text = table.Render().TrimEnd('\n');
        var message = string.IsNullOrEmpty(result.Message) ? $"{result.Rows.Count} row(s)." : result.Message;
        return result.Truncated ? $"{text}\n{message} Only the first {result.Rows.Count} rows are shown." : $"{text}\n{message}";
    }

    private static string Cell(object? value) => value switch
    {
        null => "NULL",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
