using System.Text.Json;

namespace LakehouseManager.DataTests.Parsing;

/// <summary>
/// A JSON syntax error in plain words. The reader's own messages speak to programmers ("... is not supported in this
/// mode. Change the reader options."); the two slips people make most in a hand-written file, a comma after the last
/// item and a comment, are recognised from the bytes where the reader stopped, and any other message loses the
/// advice about reader options and the position tail (the line is reported separately).
/// </summary>
internal static class JsonSyntaxError
{
    public static string Describe(JsonException exception, byte[] json, IReadOnlyList<long> lineStarts)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception.LineNumber is { } line && exception.BytePositionInLine is { } column && line < lineStarts.Count)
        {
            var offset = lineStarts[(int)line] + column;
            if (offset < json.Length && json[offset] == (byte)'/')
            {
                return "a comment, which JSON does not allow: remove it (a YAML tests file may have # comments)";
            }

            if (offset < json.Length && json[offset] is (byte)'}' or (byte)']' && PreviousSignificant(json, offset) == (byte)',')
            {
                return $"a comma before this '{(char)json[offset]}': JSON allows no comma after the last item of a list or an object, remove it";
            }
        }

        return Plain(exception.Message);
    }

    /// <summary>The message without " LineNumber: 3 | BytePositionInLine: 4." and without advice about reader options.</summary>
    private static string Plain(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = (at >= 0 ? message[..at] : message).Trim();
        var sentences = text.Split(". ", StringSplitOptions.RemoveEmptyEntries)
            .Where(s => !s.Contains("reader options", StringComparison.OrdinalIgnoreCase));
        return string.Join(". ", sentences).Replace(" which is not supported in this mode", string.Empty, StringComparison.Ordinal)
            .TrimEnd('.');
    }

    private static byte? PreviousSignificant(byte[] json, long offset)
    {
        for (var i = offset - 1; i >= 0; i--)
        {
            if (json[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return json[i];
            }
        }

        return null;
    }
}
