namespace LakehouseManager.Mirror.Git;

/// <summary>
/// The arguments of one git call, each one passed to git as one element of its argument vector (never through a
/// shell), with the values that must never be shown: a sensitive value is redacted from git's error output before
/// any message quotes it.
/// </summary>
internal sealed class GitArguments
{
    private const string Mask = "***";

    private readonly List<string> _values = [];
    private readonly List<string> _secrets = [];

    public IReadOnlyList<string> Values => _values;

    public GitArguments Add(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _values.Add(value);
        return this;
    }

    public GitArguments Add(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var value in values)
        {
            Add(value);
        }

        return this;
    }

    /// <summary>Adds a value that is redacted from every message (a token, say).</summary>
    public GitArguments AddSensitive(string value)
    {
        Add(value);
        if (value.Length > 0)
        {
            _secrets.Add(value);
        }

        return this;
    }

    /// <summary>
    /// Adds a remote URL. A URL with a password in it is sensitive, and so is the password on its own (git may quote
    /// the URL without it, or the password decoded).
    /// </summary>
    public GitArguments AddUrl(string url)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        var colon = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.UserInfo.IndexOf(':', StringComparison.Ordinal) : -1;
        if (colon < 0)
        {
            return Add(url);
        }

        AddSensitive(url);
        var password = uri!.UserInfo[(colon + 1)..];
        foreach (var secret in new[] { password, Uri.UnescapeDataString(password) }.Where(p => p.Length > 0))
        {
            _secrets.Add(secret);
        }

        return this;
    }

    /// <summary>The text with every sensitive value replaced by <c>***</c>.</summary>
    public string Redact(string text)
    {
        foreach (var secret in _secrets.OrderByDescending(s => s.Length))
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>
    /// A value that must not be read as an option or be empty (branch, remote, revision names): checked before git
    /// runs, so that a name like <c>--orphan</c> can never change what git does.
    /// </summary>
    public static string RequireName(string value, string what)
    {
        if (string.IsNullOrWhiteSpace(value) || value.StartsWith('-') || value.Any(char.IsControl))
        {
            throw new LakehouseException(
                $"Invalid git {what} '{value}': it must be non-empty, not start with '-', and hold no control characters.");
        }

        return value;
    }

    /// <summary>
    /// A folder inside the repository (relative to its root, <c>/</c>-separated) as the pathspecs that follow
    /// <c>--</c>: none for the whole repository (an empty folder).
    /// </summary>
    public static string[] Pathspec(string? folder)
    {
        var trimmed = folder?.Trim('/');
        return string.IsNullOrEmpty(trimmed) ? [] : [trimmed];
    }
}
