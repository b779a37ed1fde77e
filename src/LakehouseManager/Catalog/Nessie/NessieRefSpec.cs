using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Nessie;

/// <summary>
/// A reference as a path element (api-facts A.3): <c>name</c> (its head), <c>name@hash</c>, or <c>@hash</c>
/// (detached). Names and hashes are checked against Nessie's rules when made, before any call.
/// </summary>
internal sealed record NessieRefSpec
{
    private NessieRefSpec(string? name, string? hash)
    {
        Name = name;
        Hash = hash;
    }

    public string? Name { get; }

    public string? Hash { get; }

    /// <summary>The head of a branch or tag.</summary>
    public static NessieRefSpec Head(string name) => new(RequireName(name), null);

    /// <summary>A branch or tag at a commit (reads at that commit; writes expect the branch there).</summary>
    public static NessieRefSpec At(string name, string hash) => new(RequireName(name), RequireHash(hash));

    /// <summary>A commit without a reference name.</summary>
    public static NessieRefSpec Detached(string hash) => new(null, RequireHash(hash));

    /// <summary>
    /// The unescaped path element, as Nessie's <c>Util.toPathStringRef</c> writes it: <c>@</c> separates a hash, and
    /// also ends a name that holds <c>/</c> (so <c>my/branch@</c> is not read as two path segments).
    /// </summary>
    public string PathText =>
        (Name ?? "") + (Hash is not null || Name?.Contains('/', StringComparison.Ordinal) == true ? "@" : "") + (Hash ?? "");

    /// <summary>The path element URL-encoded (<c>/</c> as %2F, <c>@</c> as %40), as the official client sends it.</summary>
    public string PathElement => Uri.EscapeDataString(PathText);

    /// <summary>For messages: <c>'main'</c> or <c>'main' at 2e1cfa82b035</c>.</summary>
    public string Describe() => Name is null
        ? $"commit {HashText.Short(Hash)}"
        : Hash is null ? $"'{Name}'" : $"'{Name}' at {HashText.Short(Hash)}";

    public override string ToString() => PathText;

    /// <summary>Checks a reference name against Nessie's rules; the error says what is valid.</summary>
    public static string RequireName(string? name, string what = "reference")
    {
        var error = RefName.ValidateForNessie(name);
        return error is null
            ? name!
            : throw new CatalogException(CatalogErrorKind.BadRequest, $"Invalid Nessie {what} name '{name}': {error}.");
    }

    /// <summary>Checks a commit hash (8 to 64 hex digits).</summary>
    public static string RequireHash(string? hash, string what = "commit hash") =>
        RefName.IsHash(hash)
            ? hash!
            : throw new CatalogException(
                CatalogErrorKind.BadRequest,
                $"Invalid {what} '{hash}': a Nessie commit hash is 8 to 64 hexadecimal digits.");
}
