using System.Text;

namespace LakehouseManager.Mirror;

/// <summary>
/// Which characters and names are not safe as file or folder names on Linux, macOS and Windows, and the size limits.
/// </summary>
internal static class MirrorNameRules
{
    /// <summary>ext4, APFS and NTFS limit one name to 255 bytes / UTF-16 units; UTF-8 bytes bound both.</summary>
    public const int MaxComponentBytes = 255;

    /// <summary>
    /// Escaped bytes per chunk of an element. Worst case of a component: 193 + 4 (two positional escapes) = 197 bytes
    /// of text, + "%+" (continuation) + "%~" and up to 50 hex digits (case mask of 197 positions) + ".sql" = 255.
    /// </summary>
    public const int ChunkBudget = 193;

    private const string UnsafeAscii = "/\\:*?\"<>|%";

    // The answer for every BMP code point, computed once: the casing checks are too slow to repeat per character.
    private static readonly Lazy<bool[]> s_bmpMustEscape = new(() =>
    {
        var table = new bool[0x10000];
        for (var codePoint = 0; codePoint < table.Length; codePoint++)
        {
            table[codePoint] = codePoint is >= 0xD800 and <= 0xDFFF || ComputeMustEscape(codePoint);
        }

        return table;
    });

    private static readonly string[] s_reservedDeviceNames =
    [
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³",
    ];

    // Code points whose full Unicode case folding is several characters (CaseFolding.txt status F: ß -> ss, the
    // ligatures, Greek with ypogegrammeni): a file system that folds fully (APFS) would merge "ß" with "ss".
    private static readonly (int First, int Last)[] s_fullFoldingExpands =
    [
        (0x00DF, 0x00DF), (0x0130, 0x0130), (0x0149, 0x0149), (0x01F0, 0x01F0), (0x0390, 0x0390), (0x03B0, 0x03B0),
        (0x0587, 0x0587), (0x1E96, 0x1E9A), (0x1E9E, 0x1E9E), (0x1F50, 0x1F50), (0x1F52, 0x1F52), (0x1F54, 0x1F54),
        (0x1F56, 0x1F56), (0x1F80, 0x1FAF), (0x1FB2, 0x1FB4), (0x1FB6, 0x1FB7), (0x1FBC, 0x1FBC), (0x1FC2, 0x1FC4),
        (0x1FC6, 0x1FC7), (0x1FCC, 0x1FCC), (0x1FD2, 0x1FD3), (0x1FD6, 0x1FD7), (0x1FE2, 0x1FE4), (0x1FE6, 0x1FE7),
        (0x1FF2, 0x1FF4), (0x1FF6, 0x1FF7), (0x1FFC, 0x1FFC), (0xFB00, 0xFB06), (0xFB13, 0xFB17),
    ];

    /// <summary>
    /// Whether a code point is always escaped: characters Windows or POSIX forbid, <c>%</c> (the escape character),
    /// control characters, and letters whose case mapping is irregular (see <see cref="IsCaseRegular"/>) or expands
    /// under full case folding, which would make case-insensitive names collide in ways the case suffix cannot tell
    /// apart.
    /// </summary>
    public static bool MustEscape(int codePoint) =>
        codePoint < 0x10000 ? s_bmpMustEscape.Value[codePoint] : ComputeMustEscape(codePoint);

    private static bool ComputeMustEscape(int codePoint)
    {
        if (codePoint < 0x20 || codePoint == 0x7F)
        {
            return true;
        }

        if (codePoint < 0x80)
        {
            return UnsafeAscii.Contains((char)codePoint, StringComparison.Ordinal);
        }

        return !IsCaseRegular(new Rune(codePoint)) || ExpandsUnderFullCaseFolding(codePoint) ||
            IsOmittedByInvariantCasing(codePoint);
    }

    /// <summary>
    /// A rune is case-regular when it is caseless, or it is one of a lower/upper pair that map to each other
    /// (a/A, é/É). Not regular: titlecase letters (ǅ), and letters that share an uppercase with another lowercase
    /// (ſ and s both upper to S; ς and σ to Σ; the Kelvin sign lowers to k). Among regular runes, two that are equal
    /// ignoring case differ only in which one is uppercase, so the uppercase positions tell them apart.
    /// </summary>
    public static bool IsCaseRegular(Rune rune)
    {
        var lower = Rune.ToLowerInvariant(rune);
        var upper = Rune.ToUpperInvariant(rune);
        if (lower == rune && upper == rune)
        {
            return true;
        }

        if (rune != lower && rune != upper)
        {
            return false;
        }

        return Rune.ToLowerInvariant(upper) == lower && Rune.ToUpperInvariant(lower) == upper;
    }

    /// <summary>
    /// Whether the name is reserved on Windows whatever its extension (<c>CON</c>, <c>con.txt</c>, <c>COM1 .sql</c>),
    /// or is git's NTFS alias of <c>.git</c> (<c>git~1</c>), which git refuses as a path component.
    /// </summary>
    public static bool IsReservedName(string name)
    {
        if (name.Equals("git~1", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var stem = (dot < 0 ? name : name[..dot]).TrimEnd(' ');
        return s_reservedDeviceNames.Any(r => r.Equals(stem, StringComparison.OrdinalIgnoreCase));
    }

    // .NET's invariant casing leaves out the mappings of dotless i, dotted I and long s (ı -> I, İ -> i, ſ -> S) that
    // Unicode and file systems apply, so they would look caseless here: escape them outright.
    private static bool IsOmittedByInvariantCasing(int codePoint) => codePoint is 0x0130 or 0x0131 or 0x017F;

    private static bool ExpandsUnderFullCaseFolding(int codePoint)
    {
        foreach (var (first, last) in s_fullFoldingExpands)
        {
            if (codePoint >= first && codePoint <= last)
            {
                return true;
            }
        }

        return false;
    }
}
