namespace LakehouseManager.Mirror.Git;

/// <summary>
/// The author and committer of the commits Lakehouse Manager makes, passed to git as <c>GIT_AUTHOR_*</c> and
/// <c>GIT_COMMITTER_*</c> environment variables so that no git configuration is needed or changed.
/// </summary>
public sealed record GitIdentity
{
    public GitIdentity(string name, string email)
    {
        Name = Require(name, nameof(name));
        Email = Require(email, nameof(email));
    }

    /// <summary><c>Lakehouse Manager &lt;lakehouse-manager@localhost&gt;</c>.</summary>
    public static GitIdentity Default { get; } = new("Lakehouse Manager", "lakehouse-manager@localhost");

    public string Name { get; }

    public string Email { get; }

    public override string ToString() => $"{Name} <{Email}>";

    private static string Require(string value, string what)
    {
        // git rejects or silently strips these, which would make the identity differ from what was configured.
        if (string.IsNullOrWhiteSpace(value) || value.Any(c => char.IsControl(c) || c is '<' or '>'))
        {
            throw new LakehouseException(
                $"Invalid git committer {what} '{value}': it must be non-empty, on one line, without '<' or '>'.");
        }

        return value.Trim();
    }
}
