using LakehouseManager.Catalog.Local.Sql;
using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Local;

/// <summary>Name resolution for one SQL text, at the version it is read at.</summary>
internal sealed partial class BranchQueryPlanner
{
    private async Task<Analysis> AnalyzeAsync(
        ParsedSql sql, IReadOnlySet<int>? nameChainStarts, string where, PlannedVersion context, CancellationToken cancellationToken)
    {
        var references = new List<Reference>();
        var covered = new HashSet<int>();
        foreach (var chain in SqlNameChainFinder.Find(sql.Tokens, sql.Text))
        {
            if (nameChainStarts?.Contains(chain.FirstToken) == true)
            {
                var defined = ToKey(chain.Elements, sql, chain, where);
                references.Add(new Reference(chain.FirstToken, chain.ElementTokens[^1], null, SqliteNames.ToSqliteName(defined), null, null));
                covered.UnionWith(chain.ElementTokens);
                continue;
            }

            // A lone word outside a table position is a column or an alias; dotted chains may be qualified columns
            // (shop.raw.orders.amount), so they are resolved wherever they are.
            if (chain.Elements.Count == 1 && !chain.InTablePosition)
            {
                continue;
            }

            // An AT clause belongs to the whole name before it: the name is looked up at that version.
            var versioned = chain.Version is { } clause
                ? await ResolveVersionAsync(clause, chain, sql, where, cancellationToken).ConfigureAwait(false)
                : null;
            var version = versioned ?? context;
            var (target, matched) = await MatchWithSourceAsync(chain.Elements, version, cancellationToken).ConfigureAwait(false);
            if (versioned is not null && target is not null && matched < chain.Elements.Count)
            {
                (target, matched) = await MatchWithSourceAsync(chain.Elements, context, cancellationToken).ConfigureAwait(false);
                versioned = null;
                version = context;
            }

            if (target is null)
            {
                if ((chain.InTablePosition && chain.Elements.Count > 1) || chain.Version is not null)
                {
                    throw new CatalogException(
                        CatalogErrorKind.BadRequest,
                        $"Unknown table or view {Describe(chain.Elements)} at {sql.Position(chain.FirstToken)} of {where}: " +
                        $"{version.Description} has no such view and there is no such data table.");
                }

                continue;
            }

            var view = target.Kind == LocalObjectKind.View
                ? new VersionedView(target.Key, version.Commit.Id, version.IsBase)
                : (VersionedView?)null;
            references.Add(new Reference(
                chain.FirstToken, chain.ElementTokens[matched - 1], target, null, versioned is null ? null : chain.Version, view));
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

    /// <summary>The longest known prefix, also without Dremio's source name in front.</summary>
    private async Task<(LocalObject? Target, int Matched)> MatchWithSourceAsync(
        IReadOnlyList<string> elements, PlannedVersion version, CancellationToken cancellationToken)
    {
        var (target, matched) = await MatchAsync(elements, 0, version, cancellationToken).ConfigureAwait(false);
        if (target is null && _sourceName is not null && elements.Count > 1 &&
            elements[0].Equals(_sourceName, StringComparison.OrdinalIgnoreCase))
        {
            (target, matched) = await MatchAsync(elements, 1, version, cancellationToken).ConfigureAwait(false);
        }

        return (target, matched);
    }

    /// <summary>The longest known prefix of the elements after the first <paramref name="skip"/>, and how many elements it covers.</summary>
    private async Task<(LocalObject? Target, int Matched)> MatchAsync(
        IReadOnlyList<string> elements, int skip, PlannedVersion version, CancellationToken cancellationToken)
    {
        for (var end = elements.Count; end > skip; end--)
        {
            var target = await ResolveAsync(elements.Skip(skip).Take(end - skip).ToList(), version, cancellationToken)
                .ConfigureAwait(false);
            if (target is not null)
            {
                return (target, end);
            }
        }

        return (null, 0);
    }

    private async Task<LocalObject?> ResolveAsync(IReadOnlyList<string> elements, PlannedVersion version, CancellationToken cancellationToken)
    {
        if (ContentKey.Validate(elements) is not null)
        {
            return null;
        }

        var key = ContentKey.Of(elements);
        if (_resolved.TryGetValue((key, version.Commit.Id), out var cached))
        {
            return cached;
        }

        LocalObject? table = null;
        if (await _store.FindTableAsync(SqliteNames.ToSqliteName(key), cancellationToken).ConfigureAwait(false) is { } found)
        {
            table = new LocalObject(LocalObjectKind.Table, StorageKey.Decode(found.Key), found.SqliteName);
        }

        var view = await IsViewAsync(key, version, cancellationToken).ConfigureAwait(false)
            ? new LocalObject(LocalObjectKind.View, key, StorageKey.Encode(key))
            : await FindViewIgnoringCaseAsync(key, version, cancellationToken).ConfigureAwait(false);
        if (table is not null && view is not null)
        {
            throw new CatalogException(
                CatalogErrorKind.BadRequest,
                $"{key} names both a data table and a view at {version.Description}; rename one of them.");
        }

        var result = table ?? view;
        _resolved[(key, version.Commit.Id)] = result;
        return result;
    }

    private async Task<bool> IsViewAsync(ContentKey key, PlannedVersion version, CancellationToken cancellationToken)
    {
        if (version.IsBase && _overrides.TryGetValue(key, out var overridden))
        {
            return overridden is not null;
        }

        return await _store.GetSqlIdAsync(version.Commit.Id, StorageKey.Encode(key), cancellationToken).ConfigureAwait(false)
            is not null;
    }

    /// <summary>Dremio resolves names without case; the exact key is tried first, this only on a miss.</summary>
    private async Task<LocalObject?> FindViewIgnoringCaseAsync(ContentKey key, PlannedVersion version, CancellationToken cancellationToken)
    {
        if (!_viewKeysIgnoringCase.TryGetValue(version.Commit.Id, out var keys))
        {
            var stored = new HashSet<string>(
                await _store.ListViewKeysAsync(version.Commit.Id, cancellationToken).ConfigureAwait(false), StringComparer.Ordinal);
            if (version.IsBase)
            {
                foreach (var (overriddenKey, sql) in _overrides)
                {
                    if (sql is null)
                    {
                        stored.Remove(StorageKey.Encode(overriddenKey));
                    }
                    else
                    {
                        stored.Add(StorageKey.Encode(overriddenKey));
                    }
                }
            }

            keys = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var storedKey in stored.Order(StorageKey.Order))
            {
                if (!keys.TryGetValue(storedKey, out var list))
                {
                    keys[storedKey] = list = [];
                }

                list.Add(storedKey);
            }

            _viewKeysIgnoringCase[version.Commit.Id] = keys;
        }

        if (!keys.TryGetValue(StorageKey.Encode(key), out var matches))
        {
            return null;
        }

        if (matches.Count > 1)
        {
            throw new CatalogException(
                CatalogErrorKind.BadRequest,
                $"{key} is ambiguous at {version.Description}: it matches " +
                string.Join(", ", matches.Select(StorageKey.Decode)) + " when case is ignored; write the exact name.");
        }

        var exact = StorageKey.Decode(matches[0]);
        return new LocalObject(LocalObjectKind.View, exact, matches[0]);
    }

    private static ContentKey ToKey(IReadOnlyList<string> elements, ParsedSql sql, SqlNameChain chain, string where) =>
        ContentKey.Validate(elements) is { } error
            ? throw new CatalogException(
                CatalogErrorKind.BadRequest,
                $"Invalid name {Describe(elements)} at {sql.Position(chain.FirstToken)} of {where}: {error}.")
            : ContentKey.Of(elements);

    private static string Describe(IReadOnlyList<string> elements) =>
        ContentKey.Validate(elements) is null ? ContentKey.Of(elements).ToSqlPath() : string.Join(".", elements);

    /// <summary>
    /// A resolved name: tokens FirstToken..LastToken become the target's SQLite name (or <see cref="FixedName"/>);
    /// <see cref="Version"/> is an AT clause to drop from the text; <see cref="View"/> the view and version it reads.
    /// </summary>
    private sealed record Reference(
        int FirstToken, int LastToken, LocalObject? Target, string? FixedName, SqlVersionClause? Version, VersionedView? View);

    private sealed record Analysis(ParsedSql Sql, IReadOnlyList<Reference> References);
}
