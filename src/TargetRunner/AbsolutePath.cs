namespace TargetRunner;

/// <summary>
/// A normalized absolute file-system path, combined with <c>/</c> as in Nuke: <c>RootDirectory / "artifacts"</c>.
/// </summary>
public sealed class AbsolutePath : IEquatable<AbsolutePath>
{
    private readonly string _path;

    private AbsolutePath(string path)
    {
        _path = path;
    }

    /// <summary>The last segment of the path.</summary>
    public string Name => System.IO.Path.GetFileName(_path);

    /// <summary>The parent directory, or null at the file-system root.</summary>
    public AbsolutePath? Parent => System.IO.Path.GetDirectoryName(_path) is { } parent ? new AbsolutePath(parent) : null;

    /// <summary>Creates a path; relative input is rejected because an <see cref="AbsolutePath"/> is never ambiguous.</summary>
    public static AbsolutePath Create(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!System.IO.Path.IsPathRooted(path))
        {
            throw new ArgumentException($"Path '{path}' is not absolute.", nameof(path));
        }

        return new AbsolutePath(Normalize(System.IO.Path.GetFullPath(path)));
    }

    /// <summary>Resolves <paramref name="path"/> against <paramref name="baseDirectory"/> unless it is already absolute.</summary>
    public static AbsolutePath Resolve(string path, string baseDirectory) =>
        Create(System.IO.Path.GetFullPath(path, baseDirectory));

    public static AbsolutePath operator /(AbsolutePath left, string right)
    {
        ArgumentNullException.ThrowIfNull(left);
        return Create(System.IO.Path.Combine(left._path, right));
    }

    public static implicit operator string(AbsolutePath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path._path;
    }

    public static bool operator ==(AbsolutePath? left, AbsolutePath? right) => Equals(left, right);

    public static bool operator !=(AbsolutePath? left, AbsolutePath? right) => !Equals(left, right);

    /// <summary>The path relative to <paramref name="baseDirectory"/>, with forward slashes.</summary>
    public string GetRelativePathTo(AbsolutePath baseDirectory) =>
        System.IO.Path.GetRelativePath(baseDirectory, _path).Replace('\\', '/');

    public bool Equals(AbsolutePath? other) =>
        other is not null && string.Equals(_path, other._path, OperatingSystem.IsWindows()
            ? StringComparison.OrdinalIgnoreCase
            : StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is AbsolutePath other && Equals(other);

    public override int GetHashCode() =>
        OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase.GetHashCode(_path) : _path.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => _path;

    private static string Normalize(string path)
    {
        var root = System.IO.Path.GetPathRoot(path) ?? string.Empty;
        return path.Length > root.Length ? path.TrimEnd(System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar) : path;
    }
}
