using System.Globalization;
using System.Text;
using LakehouseManager.Reporting;

namespace LakehouseManager.Catalog.Local;

/// <summary>
/// Renders the result of one statement of the local SQL front door for the console: a table, then the message. Views
/// (SHOW VIEWS, SHOW CREATE VIEW) are one block each instead, a <c>-- path</c> line and the SQL exactly as stored, so
/// that it can be read and copied whole.
/// </summary>
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

        if (result.IsViewDefinitions && result.Rows.Count == 0)
        {
            return result.Message;
        }

        var text = result.IsViewDefinitions ? ViewBlocks(result) : Table(result);
        var message = string.IsNullOrEmpty(result.Message) ? $"{result.Rows.Count} row(s)." : result.Message;
        return result.Truncated ? $"{text}\n{message} Only the first {result.Rows.Count} rows are shown." : $"{text}\n{message}";
    }

    private static string Table(LocalSqlResult result)
    {
        var table = new TextTable([.. result.Columns.Select(c => new TextColumn(c, MaxWidth: 80))]);
        foreach (var row in result.Rows)
        {
            table = table.WithRow([.. row.Select(Cell)]);
        }

        return table.Render().TrimEnd('\n');
    }

    /// <summary>Each view as its path line and its SQL untouched (ended by a line break), then an empty line.</summary>
    private static string ViewBlocks(LocalSqlResult result)
    {
        var text = new StringBuilder();
        foreach (var row in result.Rows)
        {
            var sql = Cell(row[1]);
            text.Append("-- ").Append(Cell(row[0])).Append('\n').Append(sql).Append(sql.EndsWith('\n') ? "\n" : "\n\n");
        }

        // The last empty line is the one Render puts before the message.
        return text.ToString(0, Math.Max(0, text.Length - 1));
    }

    private static string Cell(object? value) => value switch
    {
        null => "NULL",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
