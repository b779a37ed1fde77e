using LakehouseManager.Catalog;
using LakehouseManager.Catalog.Local;
using LakehouseManager.Naming;
using LakehouseManager.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace LakehouseManager.Tests.Catalog.Local;

/// <summary>Opening a catalog in a temp folder, and short ways to commit views in tests.</summary>
internal static class LocalCatalogTestSupport
{
    public static Task<LocalCatalog> OpenAsync(TempDirectory temp, FakeTimeProvider? clock = null, string file = "catalog.db") =>
        LocalCatalog.OpenAsync(
            temp.Combine(".lakehouse", file),
            new LocalCatalogOptions { Author = "tester", TimeProvider = clock ?? TestClock.Create() });

    public static ContentKey Key(string path) => ContentKey.ParseSqlPath(path);

    /// <summary>Puts the views on the branch at its current head, in one commit.</summary>
    public static async Task<string> PutAsync(LocalCatalog catalog, string branch, params (string Key, string Sql)[] views)
    {
        var head = await catalog.GetBranchAsync(branch);
        var result = await catalog.CommitAsync(
            branch, head.Hash, views.Select(v => ViewOperation.Put(Key(v.Key), v.Sql)).ToList(), "put views");
        return result.Hash;
    }

    public static async Task<string> DeleteAsync(LocalCatalog catalog, string branch, params string[] keys)
    {
        var head = await catalog.GetBranchAsync(branch);
        var result = await catalog.CommitAsync(
            branch, head.Hash, keys.Select(k => ViewOperation.Delete(Key(k))).ToList(), "delete views");
        return result.Hash;
    }

    public static async Task<Dictionary<string, string>> ViewsAtAsync(LocalCatalog catalog, string hash)
    {
        var views = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var view in catalog.ListAllViewsAsync(hash, pageSize: 7))
        {
            views.Add(view.Key.ToString(), view.Sql);
        }

        return views;
    }

    public static async Task<List<string>> DiffAsync(LocalCatalog catalog, string from, string to, int pageSize = 500)
    {
        var changes = new List<string>();
        await foreach (var change in catalog.DiffAllAsync(from, to, pageSize))
        {
            changes.Add($"{change.Kind} {change.Key}");
        }

        return changes;
    }
}
