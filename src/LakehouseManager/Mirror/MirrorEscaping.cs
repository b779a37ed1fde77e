using System.Text;

namespace LakehouseManager.Mirror;

/// <summary>
/// <c>%XX</c> escaping of name characters: the bytes of the character in UTF-8 (a lone surrogate, which UTF-8 cannot
/// encode, as its generalized 3-byte form), uppercase hex. Unescaping is strict: anything the escaper would not write
/// is an error.
/// </summary>
internal static class MirrorEscaping
{
    private const string HexDigits = "0123456789ABCDEF";

    /// <summary>One character of a name: a Unicode scalar (a surrogate pair counts as one) or a lone surrogate.</summary>
    public readonly record struct Unit(int Start, int Length, int CodePoint)
    {
        public int Utf8Length => CodePoint switch
        {
            < 0x80 => 1,
            < 0x800 => 2,
            < 0x10000 => 3,
            _ => 4,
        };

        /// <summary>A lone surrogate: no file system can name it, so it is always escaped.</summary>
        public bool IsLoneSurrogate => CodePoint is >= 0xD800 and <= 0xDFFF;

        public bool MustEscape => IsLoneSurrogate || MirrorNameRules.MustEscape(CodePoint);

        public int EscapedSize => MustEscape ? 3 * Utf8Length : Utf8Length;
    }

    public static List<Unit> Units(string text)
    {
        var units = new List<Unit>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                units.Add(new Unit(i, 2, char.ConvertToUtf32(text[i], text[i + 1])));
                i++;
            }
            else
            {
                units.Add(new Unit(i, 1, text[i]));
            }
        }

        return units;
    }

    /// <summary>Appends the unit as <c>%XX</c> escapes.</summary>
    public static void AppendEscaped(StringBuilder builder, int codePoint)
    {
        Span<byte> bytes = stackalloc byte[4];
        var count = EncodeGeneralizedUtf8(codePoint, bytes);
        foreach (var value in bytes[..count])
        {
            builder.Append('%').Append(HexDigits[value >> 4]).Append(HexDigits[value & 0xF]);
        }
    }

    /// <summary>Reverses the escaping; the error says what is wrong with the text.</summary>
    public static string Unescape(string text)
    {
        var builder = new StringBuilder(text.Length);
        var bytes = new List<byte>();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] != '%')
            {
                builder.Append(text[i]);
                i++;
                continue;
            }

            bytes.Clear();
            while (i < text.Length && text[i] == '%')
            {
                if (i + 2 >= text.Length || HexValue(text[i + 1]) < 0 || HexValue(text[i + 2]) < 0)
                {
                    var found = text.Substring(i, Math.Min(3, text.Length - i));
                    throw new FormatException($"'{found}' is not an escape (expected '%' and two uppercase hex digits)");
                }

                bytes.Add((byte)((HexValue(text[i + 1]) << 4) | HexValue(text[i + 2])));
                i += 3;
            }

            DecodeGeneralizedUtf8(bytes, builder);
        }

        return builder.ToString();
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private static int EncodeGeneralizedUtf8(int codePoint, Span<byte> bytes)
    {
        switch (codePoint)
        {
            case < 0x80:
                bytes[0] = (byte)codePoint;
                return 1;
            case < 0x800:
                bytes[0] = (byte)(0xC0 | (codePoint >> 6));
                bytes[1] = (byte)(0x80 | (codePoint & 0x3F));
                return 2;
            case < 0x10000:
                bytes[0] = (byte)(0xE0 | (codePoint >> 12));
                bytes[1] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
                bytes[2] = (byte)(0x80 | (codePoint & 0x3F));
                return 3;
            default:
                bytes[0] = (byte)(0xF0 | (codePoint >> 18));
                bytes[1] = (byte)(0x80 | ((codePoint >> 12) & 0x3F));
                bytes[2] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
                bytes[3] = (byte)(0x80 | (codePoint & 0x3F));
                return 4;
        }
    }

    /// <summary>UTF-8 that also accepts encoded surrogates (so a lone surrogate round-trips); rejects overlong forms.</summary>
    private static void DecodeGeneralizedUtf8(List<byte> bytes, StringBuilder builder)
    {
        var i = 0;
        while (i < bytes.Count)
        {
            var first = bytes[i];
            var (length, minimum, value) = first switch
            {
                < 0x80 => (1, 0, first),
                >= 0xC2 and < 0xE0 => (2, 0x80, first & 0x1F),
                >= 0xE0 and < 0xF0 => (3, 0x800, first & 0x0F),
                >= 0xF0 and < 0xF5 => (4, 0x10000, first & 0x07),
                _ => throw new FormatException($"escaped byte {first:X2} does not start a UTF-8 character"),
            };
            if (i + length > bytes.Count)
            {
                throw new FormatException("an escaped UTF-8 character is cut short");
            }

            for (var k = 1; k < length; k++)
            {
                var next = bytes[i + k];
                if ((next & 0xC0) != 0x80)
                {
                    throw new FormatException($"escaped byte {next:X2} does not continue a UTF-8 character");
                }

                value = (value << 6) | (next & 0x3F);
            }

            if (value < minimum || value > 0x10FFFF)
            {
                throw new FormatException("an escaped UTF-8 character is not in its shortest form");
            }

            if (value < 0x10000)
            {
                builder.Append((char)value);
            }
            else
            {
                builder.Append(char.ConvertFromUtf32(value));
            }

            i += length;
        }
    }
}
