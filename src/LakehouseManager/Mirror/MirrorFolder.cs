using LakehouseManager.IO;

namespace LakehouseManager.Mirror;

/// <summary>
/// The mirror folder inside a checkout: writes, reads, deletes and lists view files by their layout paths. It never
/// writes or deletes outside the mirror folder: every path must be a valid mirror path, its full resolved path must
/// lie inside the folder, and no existing component on the way (the mirror folder itself included) may be a symbolic
/// link or junction.
/// </summary>
public sealed partial class MirrorFolder
{
    /// <param name="checkoutRoot">The root of the git working tree.</param>
    /// <param name="mirrorPath">The mirror folder relative to it (<c>--mirror-path</c>); empty for the root.</param>
    public MirrorFolder(string checkoutRoot, string mirrorPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(checkoutRoot);
        CheckoutRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(checkoutRoot));
        MirrorPath = NormalizeMirrorPath(mirrorPath);
        FullPath = MirrorPath.Length == 0
            ? CheckoutRoot
            : Path.Combine(CheckoutRoot, MirrorPath.Replace('/', Path.DirectorySeparatorChar));
    }

    /// <summary>The checkout's full path.</summary>
    public string CheckoutRoot { get; }

    /// <summary>The mirror folder relative to the checkout, <c>/</c>-separated; empty for the checkout root.</summary>
    public string MirrorPath { get; }

    /// <summary>The mirror folder's full path.</summary>
    public string FullPath { get; }

    /// <summary>
    /// Validates and normalizes a mirror path: relative, no <c>..</c>, not inside <c>.git</c>; <c>\</c> and <c>/</c>
    /// both separate folders; empty and <c>.</c> components are dropped (<c>./views/</c> is <c>views</c>).
    /// </summary>
    public static string NormalizeMirrorPath(string? mirrorPath)
    {
        var text = mirrorPath ?? string.Empty;
        string Fail(string reason) =>
            throw new LakehouseException($"Invalid mirror path '{text}' (--mirror-path): {reason}.");

        if (text.StartsWith('/') || text.StartsWith('\\') || text.Contains(':', StringComparison.Ordinal))
        {
            return Fail("it must be relative to the repository root (empty for the root itself)");
        }

        var parts = text.Split('/', '\\').Where(p => p.Length > 0 && p != ".").ToList();
        if (parts.Contains(".."))
        {
            return Fail("it must not contain '..'");
        }

        if (parts.Any(p => p.Equals(".git", StringComparison.OrdinalIgnoreCase)))
        {
            return Fail("it must not be inside the .git folder");
        }

        if (parts.Any(p => p.Any(char.IsControl)))
        {
            return Fail("it must not hold control characters");
        }

        return string.Join('/', parts);
    }

    /// <summary>A mirror path as a path from the repository root (for git commands).</summary>
    public string ToRepositoryPath(string relativePath) =>
        MirrorPath.Length == 0 ? relativePath : MirrorPath + "/" + relativePath;

    /// <summary>A path from the repository root (as git prints it) as a mirror path, or null when it lies outside the
    /// mirror folder.</summary>
    public string? FromRepositoryPath(string repositoryPath)
    {
        ArgumentNullException.ThrowIfNull(repositoryPath);
        if (MirrorPath.Length == 0)
        {
            return repositoryPath;
        }

        var prefix = MirrorPath + "/";
        return repositoryPath.StartsWith(prefix, StringComparison.Ordinal) && repositoryPath.Length > prefix.Length
            ? repositoryPath[prefix.Length..]
            : null;
    }

    /// <summary>
    /// Writes a view file atomically (a temporary file in the same folder, then a rename), creating its folders.
    /// </summary>
    public async Task WriteViewAsync(string relativePath, string sql, CancellationToken cancellationToken = default)
    {
        var fullPath = Resolve(relativePath, "write");
        var bytes = MirrorFile.ToBytes(sql);
        try
        {
            CreateFolders(Path.GetDirectoryName(fullPath)!, relativePath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw FileErrors.Write(Path.GetDirectoryName(fullPath)!, exception);
        }

        if (Directory.Exists(fullPath))
        {
            throw new LakehouseException($"Cannot write the view file '{relativePath}': a folder of that name is in the way.");
        }

        await AtomicFile.WriteAsync(fullPath, bytes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether a file name is that of a write's temporary file (left behind if the process was killed).</summary>
    public static bool IsTemporaryFileName(string name) => AtomicFile.IsTemporaryFileName(name);

    /// <summary>The SQL text of a view file, or null when there is no such file.</summary>
    public async Task<string?> ReadViewAsync(string relativePath, CancellationToken cancellationToken = default)
    {
        var fullPath = Resolve(relativePath, "read");
        if (!File.Exists(fullPath))
        {
            return null;
        }

        var bytes = await File.ReadAllBytesAsync(fullPath, cancellationToken).ConfigureAwait(false);
        try
        {
            return MirrorFile.ToSql(bytes);
        }
        catch (LakehouseException exception)
        {
            throw new LakehouseException($"Cannot read the view file '{relativePath}': {exception.Message}", isFatal: false, exception);
        }
    }

    /// <summary>
    /// Deletes a view file, then every folder it leaves empty, up to but not including the mirror folder. Returns
    /// whether a file was deleted (a second call is a no-op that still tidies empty folders).
    /// </summary>
    public bool DeleteView(string relativePath)
    {
        var fullPath = Resolve(relativePath, "delete");
        if (Directory.Exists(fullPath))
        {
            throw new LakehouseException($"Cannot delete the view file '{relativePath}': it is a folder.");
        }

        var deleted = File.Exists(fullPath);
        var current = fullPath;
        try
        {
            if (deleted)
            {
                File.Delete(fullPath);
            }

            current = Path.GetDirectoryName(fullPath);
            while (current is not null && IsInside(current) && Directory.Exists(current) &&
                   !Directory.EnumerateFileSystemEntries(current).Any())
            {
                Directory.Delete(current);
                current = Path.GetDirectoryName(current);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw FileErrors.Delete(current ?? fullPath, exception);
        }

        return deleted;
    }
}
