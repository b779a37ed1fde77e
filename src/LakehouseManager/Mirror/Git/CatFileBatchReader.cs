using System.Globalization;
using System.Text;

namespace LakehouseManager.Mirror.Git;

/// <summary>
/// Reads <c>git cat-file --batch</c> output: per request either <c>&lt;oid&gt; &lt;type&gt; &lt;size&gt;\n&lt;bytes&gt;\n</c>
/// or <c>&lt;request&gt; missing\n</c>. Only blobs are files; anything else reads as absent.
/// </summary>
internal sealed class CatFileBatchReader(ReadOnlyMemory<byte> output)
{
    private int _position;

    /// <summary>The next object's bytes when it is a blob; null when it is missing or not a blob.</summary>
    public byte[]? ReadNext()
    {
        var span = output.Span;
        var end = span[_position..].IndexOf((byte)'\n');
        if (end < 0)
        {
            throw new InvalidDataException("git cat-file --batch output ended early.");
        }

        var header = Encoding.UTF8.GetString(span.Slice(_position, end));
        _position += end + 1;
        if (header.EndsWith(" missing", StringComparison.Ordinal) || header.EndsWith(" ambiguous", StringComparison.Ordinal))
        {
            return null;
        }

        var fields = header.Split(' ');
        if (fields.Length != 3 || !int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var size) ||
            _position + size + 1 > span.Length)
        {
            throw new InvalidDataException($"Unexpected git cat-file --batch header '{header}'.");
        }

        var content = span.Slice(_position, size).ToArray();
        _position += size + 1;
        return fields[1] == "blob" ? content : null;
    }
}
