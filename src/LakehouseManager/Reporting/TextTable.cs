using System.Collections.Immutable;
using System.Diagnostics.Contracts;
using System.Text;

namespace LakehouseManager.Reporting;

/// <summary>
/// A plain-text table for the console: a header, a dashed rule, then the rows, columns separated by two spaces. No
/// colours, no box drawing, so it reads the same in a terminal, a CI log and a file. Immutable: <see cref="WithRow"/>
/// returns a new table.
/// </summary>
/// <remarks>
/// Cells are made single-line (line breaks and tabs become spaces, other control characters become '?') and cut to
/// their column's <see cref="TextColumn.MaxWidth"/>. Widths count UTF-16 characters, which is exact for the Latin text
/// of SQL identifiers and values; wide (East Asian) characters and emoji may misalign a column, never lose text.
/// </remarks>
internal sealed class TextTable
{
    private const string Separator = "  ";
    private readonly ImmutableArray<TextColumn> _columns;
    private readonly ImmutableList<ImmutableArray<string>> _rows;

    public TextTable(IEnumerable<TextColumn> columns)
        : this([.. columns], [])
    {
        if (_columns.IsEmpty)
        {
            throw new ArgumentException("A table needs at least one column.", nameof(columns));
        }

        foreach (var column in _columns)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(column.MaxWidth, 1, nameof(columns));
        }
    }

    public TextTable(params TextColumn[] columns)
        : this((IEnumerable<TextColumn>)columns)
    {
    }

    private TextTable(ImmutableArray<TextColumn> columns, ImmutableList<ImmutableArray<string>> rows)
    {
        _columns = columns;
        _rows = rows;
    }

    /// <summary>The columns, in order.</summary>
    public IReadOnlyList<TextColumn> Columns => _columns;

    /// <summary>The number of rows (the header is not a row).</summary>
    public int RowCount => _rows.Count;

    /// <summary>Returns a table with one more row; missing trailing cells are empty, null cells are empty.</summary>
    [Pure]
    public TextTable WithRow(params string?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length > _columns.Length)
        {
            throw new ArgumentException(
                $"The row has {cells.Length} cells but the table has {_columns.Length} columns.", nameof(cells));
        }

        var row = new string[_columns.Length];
        for (var i = 0; i < row.Length; i++)
        {
            row[i] = Fit(i < cells.Length ? cells[i] : null, _columns[i].MaxWidth);
        }

        return new TextTable(_columns, _rows.Add([.. row]));
    }

    /// <summary>Renders the table; every line ends with "\n" and has no trailing spaces.</summary>
    /// <param name="indent">Text put before every line, e.g. two spaces to nest the table under a heading.</param>
    public string Render(string indent = "")
    {
        var headers = _columns.Select(c => Fit(c.Header, c.MaxWidth)).ToArray();
        var widths = new int[_columns.Length];
        for (var i = 0; i < widths.Length; i++)
        {
            widths[i] = Math.Max(headers[i].Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length));
        }

        var builder = new StringBuilder();
        AppendLine(builder, indent, headers, widths);
        AppendLine(builder, indent, widths.Select(w => new string('-', w)).ToArray(), widths);
        foreach (var row in _rows)
        {
            AppendLine(builder, indent, row, widths);
        }

        return builder.ToString();
    }

    public override string ToString() => Render();

    private void AppendLine(StringBuilder builder, string indent, IReadOnlyList<string> cells, int[] widths)
    {
        var line = new StringBuilder(indent);
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                line.Append(Separator);
            }

            var cell = cells[i];
            var padding = widths[i] - cell.Length;
            if (_columns[i].Alignment == TextAlignment.Right)
            {
                line.Append(' ', padding).Append(cell);
            }
            else
            {
                line.Append(cell).Append(' ', padding);
            }
        }

        builder.Append(line.ToString().TrimEnd()).Append('\n');
    }

    /// <summary>Makes a cell single-line and cuts it to the width, never splitting a surrogate pair.</summary>
    internal static string Fit(string? text, int maxWidth)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        return TextCut.ToLength(SingleLine(text), maxWidth);
    }

    private static string SingleLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }

            builder.Append(c switch
            {
                '\r' or '\n' or '\t' => ' ',
                _ when char.IsControl(c) => '?',
                _ => c,
            });
        }

        return builder.ToString();
    }
}
