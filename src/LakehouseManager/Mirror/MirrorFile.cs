using System.Text;

namespace LakehouseManager.Mirror;

/// <summary>
/// The content of a mirror file: the view's SQL text in UTF-8 (no byte order mark) followed by exactly one <c>\n</c>
/// that the mirror adds, and reading strips exactly that one. So any SQL text round-trips byte for byte, whatever its
/// own line endings or trailing newlines.
/// </summary>
internal static class MirrorFile
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file bytes for a view's SQL text.</summary>
    public static byte[] ToBytes(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        try
        {
            var count = s_strictUtf8.GetByteCount(sql);
            var bytes = new byte[count + 1];
            s_strictUtf8.GetBytes(sql, bytes);
            bytes[count] = (byte)'\n';
            return bytes;
        }
        catch (EncoderFallbackException exception)
        {
            throw new LakehouseException(
                $"The view's SQL text holds an unpaired surrogate (U+{(int)exception.CharUnknown:X4}) and cannot be written as UTF-8.",
                isFatal: false,
                exception);
        }
    }

    /// <summary>
    /// The SQL text of a file: its text without the one final <c>\n</c> the mirror added. A file without it (a human
    /// edit) reads as its text unchanged. Raises when the bytes are not UTF-8.
    /// </summary>
    public static string ToSql(ReadOnlySpan<byte> bytes)
    {
        var text = bytes.Length > 0 && bytes[^1] == (byte)'\n' ? bytes[..^1] : bytes;
        try
        {
            return s_strictUtf8.GetString(text);
        }
        catch (DecoderFallbackException exception)
        {
            throw new LakehouseException("The file is not valid UTF-8 text.", isFatal: false, exception);
        }
    }
}
