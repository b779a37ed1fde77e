namespace LakehouseManager.Sql;

/// <summary>
/// One statement of a script: its number (from 1), its text without the terminating ';' (from its first significant
/// token to its last, so comments between statements are left out and comments inside it are kept), the offset of
/// that text in the script, and the line it starts on.
/// </summary>
internal sealed record SqlScriptStatement(int Number, string Text, int Offset, int Line)
{
    private const int ShownLength = 80;

    /// <summary>The statement's first line, shortened for messages.</summary>
    public string FirstLine
    {
        get
        {
            var end = Text.IndexOfAny(['\r', '\n']);
            var line = (end < 0 ? Text : Text[..end]).TrimEnd();
            return line.Length <= ShownLength ? line : string.Concat(line.AsSpan(0, ShownLength - 1), "…");
        }
    }
}
