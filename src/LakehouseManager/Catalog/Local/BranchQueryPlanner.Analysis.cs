using LakehouseManager.Catalog.Local.Sql;
using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Local;

/// <summary>Name resolution and AT-clause checks for one SQL text.</summary>
internal sealed partial class BranchQueryPlanner
{
    private async Task<Analysis> AnalyzeAsync(
        ParsedSql sql, IReadOnlySet<int>? nameChainStarts, string where, CancellationToken cancellationToken)
    {
        var references = new List<Reference>();
        var covered = new HashSet<int>();
        foreach (var chain in SqlNameChainFinder.Find(sql.Tokens, sql.Text))
        {
            if (nameChainStarts?.Contains(chain.FirstToken) == true)
            {
                var defined = ToKey(chain.Elements, sql, chain, where);
                references.Add(new Reference(chain.FirstToken, chain.ElementTokens[^1], null, SqliteNames.ToSqliteName(defined), null));
                covered.UnionWith(chain.ElementTokens);
                continue;
            }

            // A lone word outside a table position is a column or an alias; dotted chains may be qualified columns
            // (shop.raw.orders.amount), so they are resolved wherever they are.
            if (chain.Elements.Count == 1 && !chain.InTablePosition)
            {
                continue;
            }

            var (target, matched) = await MatchAsync(chain.Elements, 0, cancellationToken).ConfigureAwait(false);
            if (target is null && _sourceName is not null && chain.Elements.Count > 1 &&
                chain.Elements[0].Equals(_sourceName, StringComparison.OrdinalIgnoreCase))
            {
                (target, matched) = await MatchAsync(chain.Elements, 1, cancellationToken).ConfigureAwait(false);
            }

            if (target is null)
            {
                if ((chain.InTablePosition && chain.Elements.Count > 1) || chain.Version is not null)
                {
                    throw new CatalogException(
                        CatalogErrorKind.BadRequest,
                        $"Unknown table or view {Describe(chain.Elements)} at {sql.Position(chain.FirstToken)} of {where}: " +
                        $"branch '{_branch}' has no such view and there is no such data table.");
                }

                continue;
            }

            var version = matched == chain.Elements.Count ? chain.Version : null;
            if (version is not null)
            {
                CheckVersion(version, target, sql, where);
            }

            references.Add(new Reference(chain.FirstToken, chain.ElementTokens[matched - 1], target, null, version));
            covered.UnionWith(chain.ElementTokens.Take(matched));
        }

        for (var i = 0; i < sql.Tokens.Count; i++)
        {
            if (sql.Tokens[i].IsIdentifier && !covered.Contains(i) &&
                sql.Tokens[i].Value.StartsWith(LocalCatalogSchema.ReservedPrefix, StringComparison.OrdinalIgnoreCase))
            {
                throw new CatalogException(
                    CatalogErrorKind.BadRequest,
                    $"The name '{sql.Tokens[i].Value}' at {sql.Position(i)} of {where} is reserved: names starting with " +
                    $"'{LocalCatalogSchema.ReservedPrefix}' are the local catalog's own tables.");
            }
        }

        return new Analysis(sql, references);
    }

    /// <summary>The longest known prefix of the elements after the first <paramref name="skip"/>, and how many elements it covers.</summary>
    private async Task<(LocalObject? Target, int Matched)> MatchAsync(
        IReadOnlyList<string> elements, int skip, CancellationToken cancellationToken)
    {
        for (var end = elements.Count; end > skip; end--)
        {
            var target = await ResolveAsync(elements.Skip(skip).Take(end - skip).ToList(), cancellationToken).ConfigureAwait(false);
            if (target is not null)
            {
                return (target, end);
            }
        }

        return (null, 0);
    }

    private async Task<LocalObject?> ResolveAsync(IReadOnlyList<string> elements, CancellationToken cancellationToken)
    {
        if (ContentKey.Validate(elements) is not null)
        {
            return null;
        }

        var key = ContentKey.Of(elements);
        if (_resolved.TryGetValue(key, out var cached))
        {
            return cached;
        }

        LocalObject? table = null;
        if (await _store.FindTableAsync(SqliteNames.ToSqliteName(key), cancellationToken).ConfigureAwait(false) is { } found)
        {
            table = new LocalObject(LocalObjectKind.Table, StorageKey.Decode(found.Key), found.SqliteName);
        }

        var view = _overrides.ContainsKey(key) ||
            await _store.GetSqlIdAsync(_head.Id, StorageKey.Encode(key), cancellationToken).ConfigureAwait(false) is not null
            ? new LocalObject(LocalObjectKind.View, key, StorageKey.Encode(key))
            : await FindViewIgnoringCaseAsync(key, cancellationToken).ConfigureAwait(false);
        if (table is not null && view is not null)
        {
            throw new CatalogException(
                CatalogErrorKind.BadRequest,
                $"{key} names both a data table and a view at branch '{_branch}'; rename one of them.");
        }

        var result = table ?? view;
        _resolved[key] = result;
        return result;
    }

    /// <summary>Dremio resolves names without case; the exact key is tried first, this only on a miss.</summary>
    private async Task<LocalObject?> FindViewIgnoringCaseAsync(ContentKey key, CancellationToken cancellationToken)
    {
        if (_viewKeysIgnoringCase is null)
        {
            _viewKeysIgnoringCase = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var stored in await _store.ListViewKeysAsync(_head.Id, cancellationToken).ConfigureAwait(false))
            {
                if (!_viewKeysIgnoringCase.TryGetValue(stored, out var list))
                {
                    _viewKeysIgnoringCase[stored] = list = [];
                }

                list.Add(stored);
            }
        }

        if (!_viewKeysIgnoringCase.TryGetValue(StorageKey.Encode(key), out var matches))
        {
            return null;
        }

        if (matches.Count > 1)
        {
            throw new CatalogException(
                CatalogErrorKind.BadRequest,
                $"{key} is ambiguous at branch '{_branch}': it matches " +
                string.Join(", ", matches.Select(StorageKey.Decode)) + " when case is ignored; write the exact name.");
        }

        var exact = StorageKey.Decode(matches[0]);
        return new LocalObject(LocalObjectKind.View, exact, matches[0]);
    }

    private void CheckVersion(SqlVersionClause version, LocalObject target, ParsedSql sql, string where)
    {
        var at = $"{target.Key} {version.Text} at {sql.Position(version.FirstToken)} of {where}";
        if (version.Value is null)
        {
            throw new CatalogException(CatalogErrorKind.BadRequest, $"{at}: expected a reference name or hash after {version.Kind}.");
        }

        if (version.HasAsOf)
        {
            throw new CatalogException(CatalogErrorKind.BadRequest, $"{at}: the local catalog does not support AS OF.");
        }

        var matches = version.Kind switch
        {
            null or "BRANCH" or "REF" or "REFERENCE" => version.Value == _branch,
            "COMMIT" => RefName.IsHash(version.Value) &&
                _head.Hash.StartsWith(version.Value.ToLowerInvariant(), StringComparison.Ordinal),
            _ => false,
        };
        if (!matches)
        {
            var named = version.Kind == "COMMIT" ? $"commit '{version.Value}'" : $"{(version.Kind ?? "REF").ToLowerInvariant()} '{version.Value}'";
            throw new CatalogException(
                CatalogErrorKind.BadRequest,
                $"The local catalog runs a query at one branch; {at} names {named}, but it runs at branch " +
                $"'{_branch}' (commit {_head.Hash}). Drop the AT clause or run the query at that branch.");
        }
    }

    private static ContentKey ToKey(IReadOnlyList<string> elements, ParsedSql sql, SqlNameChain chain, string where) =>
        ContentKey.Validate(elements) is { } error
            ? throw new CatalogException(
                CatalogErrorKind.BadRequest,
                $"Invalid name {Describe(elements)} at {sql.Position(chain.FirstToken)} of {where}: {error}.")
            : ContentKey.Of(elements);

    private static string Describe(IReadOnlyList<string> elements) =>
        ContentKey.Validate(elements) is null ? ContentKey.Of(elements).ToSqlPath() : string.Join(".", elements);

    /// <summary>A resolved name: tokens FirstToken..LastToken become the target's SQLite name.</summary>
    private sealed record Reference(int FirstToken, int LastToken, LocalObject? Target, string? FixedName, SqlVersionClause? Version);

    private sealed record Analysis(ParsedSql Sql, IReadOnlyList<Reference> References);
}
