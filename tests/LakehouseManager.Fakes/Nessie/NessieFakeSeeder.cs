using System.Globalization;
using LakehouseManager.Naming;

namespace LakehouseManager.Fakes.Nessie;

/// <summary>What <see cref="NessieFakeSeeder.Seed"/> made.</summary>
public sealed record NessieFakeSeed(IReadOnlyList<ContentKey> Views, IReadOnlyList<ContentKey> Namespaces, string Head);

/// <summary>
/// Fills a branch with views spread over namespaces, deterministically (same keys, SQL and hashes every run), the way
/// Dremio would have written them: one commit per folder and per view, with Dremio's messages.
/// </summary>
public static class NessieFakeSeeder
{
    /// <summary>About this many views per namespace.</summary>
    public const int ViewsPerNamespace = 100;

    /// <summary>
    /// Creates <paramref name="views"/> views on <paramref name="branch"/> (the default branch when null): namespaces
    /// <c>domain_NN.area_NNN</c>, views <c>view_NNNNN</c> round-robin over them, each with its own SQL.
    /// </summary>
    public static NessieFakeSeed Seed(NessieFake fake, int views, string? branch = null)
    {
        ArgumentNullException.ThrowIfNull(fake);
        ArgumentOutOfRangeException.ThrowIfNegative(views);
        branch ??= fake.Options.DefaultBranch;
        var namespaceCount = Math.Max(1, (views + ViewsPerNamespace - 1) / ViewsPerNamespace);
        var namespaces = Enumerable.Range(0, namespaceCount).Select(NamespaceOf).ToList();
        foreach (var ns in namespaces)
        {
            fake.Views.CreateNamespace(branch, [.. ns.Elements]);
        }

        var keys = Enumerable.Range(0, views).Select(i => ViewKey(i, namespaceCount)).ToList();
        fake.Views.CreateViews(branch, [.. keys.Select((key, i) => (key, SqlOf(i)))]);
        return new NessieFakeSeed(keys, namespaces, fake.Repository.Head(branch).Hash);
    }

    /// <summary>The key of the <paramref name="index"/>-th seeded view.</summary>
    public static ContentKey ViewKey(int index, int namespaceCount) =>
        ContentKey.Of([.. NamespaceOf(index % namespaceCount).Elements, string.Create(CultureInfo.InvariantCulture, $"view_{index:D5}")]);

    /// <summary>The SQL of the <paramref name="index"/>-th seeded view.</summary>
    public static string SqlOf(int index) => string.Create(CultureInfo.InvariantCulture,
        $"SELECT order_id, customer_id, amount\nFROM lake.raw.orders\nWHERE region_id = {index % 17} AND amount > {index}");

    private static ContentKey NamespaceOf(int index) =>
        ContentKey.Of(string.Create(CultureInfo.InvariantCulture, $"domain_{index % 10:D2}"),
            string.Create(CultureInfo.InvariantCulture, $"area_{index / 10:D3}"));
}
