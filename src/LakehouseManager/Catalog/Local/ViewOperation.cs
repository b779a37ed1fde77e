using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Local;

/// <summary>
/// One change in a commit: put a view's SQL text (stored byte-exact) or delete the view. Build it with
/// <see cref="Put"/> or <see cref="Delete"/>.
/// </summary>
public sealed record ViewOperation
{
    private ViewOperation(ContentKey key, string? sql)
    {
        Key = key;
        Sql = sql;
    }

    public ContentKey Key { get; }

    /// <summary>The SQL text to store, or null for a delete.</summary>
    public string? Sql { get; }

    public bool IsDelete => Sql is null;

    public static ViewOperation Put(ContentKey key, string sql)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(sql);
        return new ViewOperation(key, sql);
    }

    public static ViewOperation Delete(ContentKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new ViewOperation(key, null);
    }

    public override string ToString() => IsDelete ? $"DELETE {Key}" : $"PUT {Key}";
}
