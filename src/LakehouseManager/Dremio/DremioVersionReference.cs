namespace LakehouseManager.Dremio;

/// <summary>The kinds of version a <c>references</c> entry of the SQL API pins a source to (api-facts B.2).</summary>
internal enum DremioVersionType
{
    Branch,
    Tag,
    Commit,
}

/// <summary>One <c>references</c> entry: <c>{"type":"BRANCH","value":"dev"}</c>.</summary>
internal sealed record DremioVersionReference(DremioVersionType Type, string Value)
{
    /// <summary>A branch reference.</summary>
    public static DremioVersionReference Branch(string name) => new(DremioVersionType.Branch, name);

    /// <summary>A commit reference (a Nessie commit hash).</summary>
    public static DremioVersionReference Commit(string hash) => new(DremioVersionType.Commit, hash);

    /// <summary>The wire name of <see cref="Type"/>: BRANCH, TAG or COMMIT.</summary>
    public string WireType => Type switch
    {
        DremioVersionType.Branch => "BRANCH",
        DremioVersionType.Tag => "TAG",
        DremioVersionType.Commit => "COMMIT",
        _ => throw new InvalidOperationException($"Unknown version type {Type}."),
    };
}
