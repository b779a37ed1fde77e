namespace LakehouseManager.Pipeline.Setup;

/// <summary>
/// Where a git remote is, as <c>--remote-url</c> gives it: a URL (<c>https://</c>, <c>ssh://</c>, <c>codecommit::</c>,
/// scp-like <c>git@host:path</c>) or a folder on this machine. Folders are compared by their full path; a URL is shown
/// without its user information, which may hold a password.
/// </summary>
internal static class RemoteLocation
{
    /// <summary>Whether the location is a folder path rather than a URL.</summary>
    public static bool IsLocalPath(string location)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        if (location.Contains("://", StringComparison.Ordinal) || location.StartsWith("file:", StringComparison.Ordinal) ||
            location.Contains("::", StringComparison.Ordinal))
        {
            return false;
        }

        // git@host:path is scp-like ssh, unless the colon only follows a Windows drive letter (C:\repo).
        var colon = location.IndexOf(':', StringComparison.Ordinal);
        var slash = location.IndexOfAny(['/', '\\']);
        var isDrive = colon == 1 && char.IsAsciiLetter(location[0]);
        return colon < 0 || isDrive || (slash >= 0 && slash < colon);
    }

    /// <summary>A folder as its full path; a URL as it is.</summary>
    public static string Normalize(string location) =>
        IsLocalPath(location) ? Path.TrimEndingDirectorySeparator(Path.GetFullPath(location)) : location.Trim();

    /// <summary>Whether two locations name the same remote.</summary>
    public static bool SameAs(string left, string right) =>
        string.Equals(Normalize(left), Normalize(right), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    /// <summary>The location for a message: a URL's user information (<c>user:password@</c>) becomes <c>***@</c>.</summary>
    public static string Shown(string location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? location.Replace(uri.UserInfo + "@", "***@", StringComparison.Ordinal)
            : location;
}
