using System.Text;

namespace LakehouseManager.IO;

/// <summary>
/// Writes a whole file or nothing: the bytes go to a temporary file in the target's own folder, which is then renamed
/// onto the target. A reader (CI collecting reports, a second run, git staging the mirror) never sees half a file, and
/// a process killed mid-write leaves at most a temporary file that <see cref="IsTemporaryFileName"/> recognises.
/// </summary>
internal static class AtomicFile
{
    // A dot name: never a view file (*.sql), a comment file (NNN-*.md) or a layout name, so a leftover is never taken
    // for data.
    private const string TemporaryPrefix = ".lhm-";
    private const string TemporarySuffix = ".tmp";

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the bytes atomically, creating the folder; an existing file is replaced.</summary>
    public static Task WriteAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default) =>
        WriteCoreAsync(path, bytes, overwrite: true, cancellationToken);

    /// <summary>Writes UTF-8 text (no byte order mark) atomically; an existing file is replaced.</summary>
    public static Task WriteTextAsync(string path, string text, CancellationToken cancellationToken = default) =>
        WriteCoreAsync(path, Encode(text), overwrite: true, cancellationToken);

    /// <summary>
    /// Writes UTF-8 text to a file that must not exist yet: an existing one is left alone and <see cref="IOException"/>
    /// is raised (for writers that must never replace each other's file).
    /// </summary>
    public static Task CreateTextAsync(string path, string text, CancellationToken cancellationToken = default) =>
        WriteCoreAsync(path, Encode(text), overwrite: false, cancellationToken);

    /// <summary>Whether a file name is that of a write's temporary file (left behind if the process was killed).</summary>
    public static bool IsTemporaryFileName(string name) =>
        name.StartsWith(TemporaryPrefix, StringComparison.Ordinal) && name.EndsWith(TemporarySuffix, StringComparison.Ordinal);

    private static async Task WriteCoreAsync(
        string path, ReadOnlyMemory<byte> bytes, bool overwrite, CancellationToken cancellationToken)
    {
        var temporary = CreateTemporaryPath(path);
        try
        {
            await File.WriteAllBytesAsync(temporary, bytes, cancellationToken).ConfigureAwait(false);

            // Same folder, so the rename stays on one file system and is atomic.
            File.Move(temporary, path, overwrite);
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    private static byte[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return s_utf8.GetBytes(text);
    }

    private static string CreateTemporaryPath(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);

        // A unique name, so concurrent writers never write into each other's temporary file.
        return Path.Combine(folder, $"{TemporaryPrefix}{Guid.NewGuid():N}{TemporarySuffix}");
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a failure that brought us here is the one to report.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
