using System.Text.RegularExpressions;

namespace LakehouseManager.Naming;

/// <summary>
/// Branch names, validated by Nessie's rules (Validation.java) so that a name good for one adapter is good for all, and
/// the same name works as a git branch: starts with a letter; then letters, digits, <c>. / _ -</c>; no <c>..</c>; does
/// not end with <c>/</c> or <c>.</c>; not <c>HEAD</c>, <c>DETACHED</c> or anything that looks like a commit hash; at
/// most <see cref="MaxLength"/> characters.
/// </summary>
/// <remarks>
/// The length limit is the tighter of two. Nessie's name rules have no limit, but its JDBC store on MySQL and MariaDB
/// keeps a reference as <c>refs/heads/&lt;name&gt;</c> in a <c>VARCHAR(255)</c> column (versioned/storage/jdbc2,
/// DatabaseSpecifics; RefMapping.REFS_HEADS), which leaves 244 characters for the name. git keeps each branch as a file
/// under <c>.git/refs/heads/</c>, written through <c>&lt;file&gt;.lock</c>, and file names have at most 255 bytes on
/// Linux, macOS and Windows, which leaves 250 for each <c>/</c>-separated element (git 2.39: a 251-character name
/// fails with "cannot lock ref ... File name too long"). The names hold ASCII only, so characters are bytes.
/// </remarks>
internal static partial class RefName
{
    /// <summary>The longest branch name both Nessie (on every store) and git (as a file) can keep.</summary>
    public const int MaxLength = 244;

    private const string Rules =
        "a branch name starts with a letter, then holds letters, digits and . / _ -, has no '..', " +
        "does not end with '/' or '.', and is not HEAD, DETACHED or a commit hash";

    /// <summary>Returns why the name is invalid, or null when it is valid.</summary>
    public static string? Validate(string? name)
    {
        var nessieError = ValidateForNessie(name);
        if (nessieError is not null || name is null)
        {
            return nessieError;
        }

        if (name.Length > MaxLength)
        {
            return $"it has {name.Length} characters, and a branch name has at most {MaxLength}: Nessie keeps " +
                "'refs/heads/<name>' in at most 255 characters, and git keeps a branch as a file whose name has at most " +
                "255 bytes";
        }

        // git refuses these although Nessie allows them; the name must work on both sides of the mirror.
        if (name.Split('/').Any(c => c.EndsWith(".lock", StringComparison.Ordinal)) ||
            name.Contains("/.", StringComparison.Ordinal) || name.Contains("//", StringComparison.Ordinal))
        {
            return "git does not accept branch names in which an element (between '/') ends with '.lock' or starts " +
                "with '.', or that hold '//'";
        }

        return null;
    }

    /// <summary>
    /// Returns why Nessie itself would refuse the name (Validation.java: <c>REF_NAME_REGEX</c> and the forbidden names),
    /// or null when Nessie accepts it. Laxer than <see cref="Validate"/>, which adds git's rules for mirrored branches:
    /// a Nessie client must be able to name every reference the server holds.
    /// </summary>
    public static string? ValidateForNessie(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "the name is empty";
        }

        if (!NamePattern().IsMatch(name) ||
            name.Equals("HEAD", StringComparison.OrdinalIgnoreCase) ||
            name.Equals("DETACHED", StringComparison.OrdinalIgnoreCase) ||
            HashPattern().IsMatch(name))
        {
            return Rules;
        }

        return null;
    }

    /// <summary>Returns the name, or throws an error that names it and says what a valid name is.</summary>
    public static string Require(string? name, string what = "branch")
    {
        var error = Validate(name);
        if (error is not null)
        {
            throw new InvalidNameException($"Invalid {what} name '{Shown(name)}': {error}.");
        }

        return name!;
    }

    /// <summary>A name as an error message shows it: a very long one is cut (its length is in the message).</summary>
    private static string? Shown(string? name) =>
        name is { Length: > 60 } ? string.Concat(name.AsSpan(0, 57), "...") : name;

    /// <summary>Whether the text is a commit hash (Nessie: 8 to 64 hex digits).</summary>
    public static bool IsHash(string? text) => text is not null && HashPattern().IsMatch(text);

    [GeneratedRegex(@"^[A-Za-z](?:(?:(?!\.\.)[A-Za-z0-9./_-])*[A-Za-z0-9_-])?$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[0-9a-fA-F]{8,64}$")]
    private static partial Regex HashPattern();
}
