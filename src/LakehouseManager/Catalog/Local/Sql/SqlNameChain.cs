namespace LakehouseManager.Catalog.Local.Sql;

/// <summary>
/// A dotted identifier chain in SQL text (<c>shop.sales."my view".col</c>): its elements (unquoted), the token index
/// of each element, whether it stands where a table is expected (after FROM, JOIN, INTO, UPDATE, TABLE or a comma
/// of a FROM list), and Dremio's version clause after it, if any.
/// </summary>
internal sealed record SqlNameChain(
    IReadOnlyList<string> Elements,
    IReadOnlyList<int> ElementTokens,
    bool InTablePosition,
    SqlVersionClause? Version)
{
    public int FirstToken => ElementTokens[0];
}

/// <summary>
/// Dremio's <c>AT [BRANCH|REF|REFERENCE|COMMIT|TAG|SNAPSHOT|TIMESTAMP] value [AS OF ...]</c> after a table reference,
/// spanning tokens <see cref="FirstToken"/>..<see cref="LastToken"/>. <see cref="Value"/> is null when it is missing.
/// </summary>
internal sealed record SqlVersionClause(int FirstToken, int LastToken, string? Kind, string? Value, bool HasAsOf, string Text);
