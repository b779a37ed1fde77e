namespace LakehouseManager.Sql;

/// <summary>Line and column (both from 1) of an offset in a SQL text, for error messages.</summary>
internal static class SqlPosition
{
    public static string Describe(string text, int offset) =>
        $"line {Line(text, offset)}, column {Column(text, offset)}";

    /// <summary>The line (from 1) of the offset: one more than the line feeds before it.</summary>
    public static int Line(string text, int offset)
    {
        ArgumentNullException.ThrowIfNull(text);
        offset = Math.Clamp(offset, 0, text.Length);
        return text.AsSpan(0, offset).Count('\n') + 1;
    }

    private static int Column(string text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        var lineStart = offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;
        return offset - lineStart + 1;
    }
}
