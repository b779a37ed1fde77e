using System.Text;

namespace LakehouseManager.Tests.Mirror;

/// <summary>
/// An independent statement of what a file or folder name must be to work on Linux, macOS and Windows (and in git),
/// written from the platforms' rules rather than from the layout's code.
/// </summary>
internal static class SafeFileNames
{
    private static readonly HashSet<string> s_reservedStems = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³",
    };

    /// <summary>Null when the name is safe, else why not.</summary>
    public static string? Check(string name)
    {
        if (name.Length == 0)
        {
            return "empty";
        }

        if (Encoding.UTF8.GetByteCount(name) > 255)
        {
            return "longer than 255 UTF-8 bytes";
        }

        if (name.Any(c => c < 0x20 || c == 0x7F || "/\\:*?\"<>|".Contains(c, StringComparison.Ordinal)))
        {
            return "holds a character Windows or POSIX forbids";
        }

        if (!IsValidUtf16(name))
        {
            return "holds a lone surrogate";
        }

        if (name.StartsWith(' ') || name.StartsWith('.'))
        {
            return "starts with a space or a dot";
        }

        if (name.EndsWith(' ') || name.EndsWith('.'))
        {
            return "ends with a space or a dot (Windows strips them)";
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var stem = (dot < 0 ? name : name[..dot]).TrimEnd(' ');
        if (s_reservedStems.Contains(stem))
        {
            return "is a Windows device name";
        }

        if (name.Equals("git~1", StringComparison.OrdinalIgnoreCase))
        {
            return "is git's NTFS alias of .git";
        }

        return null;
    }

    private static bool IsValidUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
