using System.Text;
using System.Text.Json;

namespace LakehouseManager.DataTests.Parsing;

/// <summary>
/// Reads standard JSON into a <see cref="SourceNode"/> tree with Utf8JsonReader. The reader reports byte offsets, not
/// lines, so the line of each token is found from a table of line starts.
/// </summary>
internal static class JsonSourceReader
{
    public static SourceNode? Read(string text, ParseErrors errors)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var lineStarts = LineStarts(bytes);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            if (!reader.Read())
            {
                errors.Add(1, "the file holds no JSON value");
                return null;
            }

            var root = ReadValue(ref reader, lineStarts, errors);

            // Anything after the root value makes the reader throw, which names the line.
            while (reader.Read())
            {
            }

            return root;
        }
        catch (JsonException e)
        {
            errors.Add((int)(e.LineNumber ?? 0) + 1, $"invalid JSON: {JsonSyntaxError.Describe(e, bytes, lineStarts)}");
            return null;
        }
    }

    private static SourceNode ReadValue(ref Utf8JsonReader reader, List<long> lineStarts, ParseErrors errors)
    {
        var line = LineOf(lineStarts, reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var entries = new List<SourceEntry>();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var key = reader.GetString()!;
                    var keyLine = LineOf(lineStarts, reader.TokenStartIndex);
                    reader.Read();
                    entries.Add(new SourceEntry(key, keyLine, ReadValue(ref reader, lineStarts, errors)));
                }

                return new SourceMapping(line, entries);
            case JsonTokenType.StartArray:
                var items = new List<SourceNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, lineStarts, errors));
                }

                return new SourceSequence(line, items);
            case JsonTokenType.String:
                var text = reader.GetString()!;
                return new SourceScalar(line, text, text);
            case JsonTokenType.Number:
                return new SourceScalar(line, Number(ref reader, line, errors), Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.True:
                return new SourceScalar(line, true, "true");
            case JsonTokenType.False:
                return new SourceScalar(line, false, "false");
            default:
                return new SourceScalar(line, null, "null");
        }
    }

    /// <summary>Decimal when it fits, so 0.1 stays exactly 0.1; else a finite double.</summary>
    private static object? Number(ref Utf8JsonReader reader, int line, ParseErrors errors)
    {
        if (reader.TryGetDecimal(out var exact))
        {
            return exact;
        }

        if (reader.TryGetDouble(out var approximate) && double.IsFinite(approximate))
        {
            return approximate;
        }

        errors.Add(line, $"the number {Encoding.UTF8.GetString(reader.ValueSpan)} is out of range");
        return null;
    }

    private static List<long> LineStarts(byte[] bytes)
    {
        var starts = new List<long> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private static int LineOf(List<long> lineStarts, long offset)
    {
        var index = lineStarts.BinarySearch(offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }
}
