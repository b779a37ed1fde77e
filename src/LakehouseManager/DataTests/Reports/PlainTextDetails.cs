using System.Text;
using LakehouseManager.DataTests.Expectations;
using LakehouseManager.Reporting;

namespace LakehouseManager.DataTests.Reports;

/// <summary>The plain-text account of a failing test (console and JUnit): expected, observed, SQL and first rows.</summary>
internal static class PlainTextDetails
{
    private const int MaxCellWidth = 40;

    /// <summary>The message (all its lines), description, expected/observed, SQL and first rows, each line indented.</summary>
    public static string Render(DataTestResult result, string indent = "")
    {
        var builder = new StringBuilder();
        AppendLines(builder, indent, result.Message);
        if (result.Description is { } description)
        {
            AppendLines(builder, indent, description);
        }

        if (result.Expected is not null)
        {
            AppendLines(builder, indent, "Expected: " + result.Expected);
        }

        if (result.Observed is not null)
        {
            AppendLines(builder, indent, "Observed: " + result.Observed);
        }

        builder.Append(indent).Append("SQL:\n");
        AppendLines(builder, indent + "  ", result.Sql);
        if (result.Rows is { } sample)
        {
            builder.Append('\n').Append(SampleTable(sample).Render(indent));
            AppendLines(builder, indent, sample.Caption);
        }

        return builder.ToString();
    }

    /// <summary>The sample as a text table; a column of numbers is right-aligned.</summary>
    public static TextTable SampleTable(RowSample sample)
    {
        var columns = sample.Columns.Select((name, i) => new TextColumn(
            name,
            sample.Rows.All(r => i >= r.Count || r[i] is null || ValueComparer.IsNumber(r[i]))
                ? TextAlignment.Right
                : TextAlignment.Left,
            MaxCellWidth));
        var table = new TextTable(columns.DefaultIfEmpty(new TextColumn("(no columns)")));
        foreach (var row in sample.Rows)
        {
            table = table.WithRow(row.Take(table.Columns.Count).Select(ValueText.Cell).ToArray());
        }

        return table;
    }

    private static void AppendLines(StringBuilder builder, string indent, string text)
    {
        foreach (var line in PrintableText.Visible(text).TrimEnd().Split('\n'))
        {
            builder.Append(indent).Append(line.TrimEnd('\r')).Append('\n');
        }
    }
}
