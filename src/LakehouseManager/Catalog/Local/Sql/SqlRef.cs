namespace LakehouseManager.Catalog.Local.Sql;

/// <summary>A reference written in a statement: <c>BRANCH x</c>, <c>REF x</c>, <c>COMMIT "h"</c> or <c>TAG x</c>.</summary>
internal sealed record SqlRef(string Kind, string Value)
{
    public override string ToString() => Kind switch
    {
        "COMMIT" => $"commit {Value}",
        "BRANCH" => $"branch {Value}",
        "TAG" => $"tag {Value}",
        _ => $"reference {Value}",
    };
}
