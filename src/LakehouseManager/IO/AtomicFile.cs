using System.Text;
using LakehouseManager.Security;

namespace LakehouseManager.IO;

/// <summary>
/// Writes a whole file or nothing: the bytes go to a temporary file in the target's own folder, which is then renamed
/// onto the target. A reader (CI collecting reports, a second run, git staging the mirror) never sees half a file, and
/// a process killed mid-write leaves at most a temporary file that <see cref="IsTemporaryFileName"/> recognises.
/// Text (reports, the delta, comments) is always written through the run's <see cref="SecretRedactor"/>, so no secret
/// reaches an artifact; a mirror file's bytes are the view's own and are written as they are. A file that cannot be
/// written (permissions, a full disk) is a <see cref="LakehouseException"/> that names it.
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

    /// <summary>Writes UTF-8 text (no byte order mark) atomically, with the secrets masked; an existing file is replaced.</summary>
    public static Task WriteTextAsync(
        string path, string text, SecretRedactor redactor, CancellationToken cancellationToken = default) =>
        WriteCoreAsync(path, Encode(text, redactor), overwrite: true, cancellationToken);

    /// <summary>
    /// The same, for the few callers that cannot await (the sync's recovery mark, written between two git steps): the
    /// file is small and local, so waiting for it is cheap.
    /// </summary>
    public static void WriteText(string path, string text, SecretRedactor redactor) =>
        WriteCoreAsync(path, Encode(text, redactor), overwrite: true, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>
    /// Writes UTF-8 text, with the secrets masked, to a file that must not exist yet: an existing one is left alone and
    /// the write fails (for writers that must never replace each other's file).
    /// </summary>
    public static Task CreateTextAsync(
        string path, string text, SecretRedactor redactor, CancellationToken cancellationToken = default) =>
        WriteCoreAsync(path, Encode(text, redactor), overwrite: false, cancellationToken);

    /// <summary>Whether a file name is that of a write's temporary file (left behind if the process was killed).</summary>
    public static bool IsTemporaryFileName(string name) =>
        name.StartsWith(TemporaryPrefix, StringComparison.Ordinal) && name.EndsWith(TemporarySuffix, StringComparison.Ordinal);

    private static async Task WriteCoreAsync(
        string path, ReadOnlyMemory<byte> bytes, bool overwrite, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Path.GetFullPath(path);
        string? temporary = null;
        try
        {
            temporary = CreateTemporaryPath(fullPath);
            await File.WriteAllBytesAsync(temporary, bytes, cancellationToken).ConfigureAwait(false);
            if (!overwrite && File.Exists(fullPath))
            {
                throw new LakehouseException($"Could not create '{fullPath}': a file of that name exists already, and it is left as it is.");
            }

            // Same folder, so the rename stays on one file system and is atomic.
            File.Move(temporary, fullPath, overwrite);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw FileErrors.Write(fullPath, exception);
        }
        finally
        {
            if (temporary is not null)
            {
                TryDelete(temporary);
            }
        }
    }

    private static byte[] Encode(string text, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(redactor);
        return s_utf8.GetBytes(redactor.Redact(text));
    }

    private static string CreateTemporaryPath(string fullPath)
    {
        var folder = Path.GetDirectoryName(fullPath)!;
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
