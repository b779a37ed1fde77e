using System.Text;

namespace LakehouseManager.Mirror;

/// <summary>
/// The case pattern of an escaped name: a bitmask of the positions (in runes) of its uppercase letters, bit 0 the
/// first rune, written as lowercase hex without leading zeros (<c>Orders</c> is <c>1</c>, <c>ORDERS</c> is <c>3f</c>).
/// Escapes (<c>%XX</c>) never set bits. Because every literal letter left after escaping is case-regular, names that
/// are equal ignoring case differ in their masks.
/// </summary>
internal static class MirrorCaseSuffix
{
    private const string HexDigits = "0123456789abcdef";

    /// <summary>The mask as hex, or an empty string when the name has no uppercase letter.</summary>
    public static string Mask(string escapedText)
    {
        var bits = new List<bool>();
        for (var i = 0; i < escapedText.Length;)
        {
            if (escapedText[i] == '%')
            {
                // An escape: three positions, none of them a letter of the name.
                bits.AddRange([false, false, false]);
                i += 3;
                continue;
            }

            var rune = Rune.GetRuneAt(escapedText, i);
            bits.Add(Rune.ToLowerInvariant(rune) != rune);
            i += rune.Utf16SequenceLength;
        }

        var highest = bits.LastIndexOf(true);
        if (highest < 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        for (var digit = highest / 4; digit >= 0; digit--)
        {
            var nibble = 0;
            for (var bit = 0; bit < 4; bit++)
            {
                var index = (digit * 4) + bit;
                if (index < bits.Count && bits[index])
                {
                    nibble |= 1 << bit;
                }
            }

            builder.Append(HexDigits[nibble]);
        }

        return builder.ToString();
    }

    /// <summary>
    /// A file or folder name without its case suffix (<c>Orders%~1.sql</c> is <c>Orders.sql</c>), as found on disk; a
    /// name without one is returned as it is.
    /// </summary>
    public static string Strip(string name)
    {
        var extension = name.EndsWith(MirrorLayout.Extension, StringComparison.Ordinal) ? MirrorLayout.Extension : string.Empty;
        var stem = name[..^extension.Length];
        var marker = stem.LastIndexOf("%~", StringComparison.Ordinal);
        return marker >= 0 && stem.Length > marker + 2 && stem[(marker + 2)..].All(c => HexDigits.Contains(c, StringComparison.Ordinal))
            ? stem[..marker] + extension
            : name;
    }

    /// <summary>The name with every rune uppercased: equal folds mean a case-insensitive file system merges them.</summary>
    public static string Fold(string escapedText)
    {
        var builder = new StringBuilder(escapedText.Length);
        Span<char> buffer = stackalloc char[2];
        foreach (var rune in escapedText.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                // The common case, kept off the slower general casing path.
                builder.Append(char.ToUpperInvariant((char)rune.Value));
                continue;
            }

            var length = Rune.ToUpperInvariant(rune).EncodeToUtf16(buffer);
            builder.Append(buffer[..length]);
        }

        return builder.ToString();
    }
}
