namespace LakehouseManager.Catalog.Local.Sql;

/// <summary>Line and column (both from 1) of an offset in a SQL text, for error messages.</summary>
public static class SqlPosition
{
    public static string Describe(string text, int offset)
    {
        ArgumentNullException.ThrowIfNull(text);
        offset = Math.Clamp(offset, 0, text.Length);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return $"line {line}, column {offset - lineStart + 1}";
    }
}
