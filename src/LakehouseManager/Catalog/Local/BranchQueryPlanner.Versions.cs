using LakehouseManager.Catalog.Local.Sql;
using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Local;

/// <summary>Dremio's AT clauses: which version of the catalog a reference reads.</summary>
internal sealed partial class BranchQueryPlanner
{
    /// <summary>
    /// The version an AT clause names: <c>BRANCH</c> a branch's head, <c>COMMIT</c> a commit (a unique prefix of 8 or
    /// more hex digits will do), <c>REF</c>/<c>REFERENCE</c> (or no kind) a branch, else a commit hash. The branch
    /// under test at its head is the base version, so the clause then changes nothing. Tags, snapshots, timestamps and
    /// AS OF are refused, with what to write instead. Every refusal is a bad request naming the clause and where it is.
    /// </summary>
    private async Task<PlannedVersion> ResolveVersionAsync(
        SqlVersionClause clause, SqlNameChain chain, ParsedSql sql, string where, CancellationToken cancellationToken)
    {
        var at = $"{Describe(chain.Elements)} {clause.Text} at {sql.Position(clause.FirstToken)} of {where}";
        if (clause.Value is not { } value)
        {
            throw Refused(at, $"expected a reference name or hash after {clause.Kind}");
        }

        if (clause.HasAsOf)
        {
            throw Refused(at, "the local catalog does not support AS OF; name a commit with AT COMMIT instead");
        }

        if (_versions.TryGetValue((clause.Kind, value), out var known))
        {
            return known;
        }

        var version = clause.Kind switch
        {
            "TAG" => throw Refused(at, "the local catalog has no tags; name a branch (AT BRANCH) or a commit (AT COMMIT)"),
            "SNAPSHOT" or "TIMESTAMP" => throw Refused(
                at, $"AT {clause.Kind} (a table's own history) is not supported by the local catalog; data tables have one version"),
            "BRANCH" => await BranchVersionAsync(value, cancellationToken).ConfigureAwait(false)
                ?? throw Refused(at, await NoBranchAsync(value, cancellationToken).ConfigureAwait(false)),
            "COMMIT" => await CommitVersionAsync(value, at, cancellationToken).ConfigureAwait(false),
            _ => await BranchVersionAsync(value, cancellationToken).ConfigureAwait(false)
                ?? (RefName.IsHash(value)
                    ? await CommitVersionAsync(value, at, cancellationToken).ConfigureAwait(false)
                    : throw Refused(at, await NoBranchAsync(value, cancellationToken).ConfigureAwait(false))),
        };
        _versions[(clause.Kind, value)] = version;
        return version;
    }

    private async Task<PlannedVersion?> BranchVersionAsync(string name, CancellationToken cancellationToken)
    {
        if (await _store.GetBranchHeadAsync(name, cancellationToken).ConfigureAwait(false) is not { } id)
        {
            return null;
        }

        return Versioned(await _store.GetNodeAsync(id, cancellationToken).ConfigureAwait(false), $"branch '{name}'");
    }

    private async Task<PlannedVersion> CommitVersionAsync(string hash, string at, CancellationToken cancellationToken)
    {
        if (!RefName.IsHash(hash))
        {
            throw Refused(at, $"'{hash}' is not a commit hash: a hash has 8 to 64 hex digits");
        }

        var ids = await _store.FindCommitsByHashPrefixAsync(hash.ToLowerInvariant(), cancellationToken).ConfigureAwait(false);
        return ids.Count switch
        {
            0 => throw Refused(at, $"commit '{hash}' does not exist in the {_catalogDescription}"),
            1 => Versioned(await _store.GetNodeAsync(ids[0], cancellationToken).ConfigureAwait(false), $"commit '{HashText.Short(hash)}'"),
            _ => throw Refused(at, $"commit hash '{hash}' is ambiguous in the {_catalogDescription}: give more of its digits"),
        };
    }

    /// <summary>A version of the catalog; the head of the branch under test is the base version itself.</summary>
    private PlannedVersion Versioned(CommitNode commit, string description) =>
        commit.Id == _base.Commit.Id ? _base : new PlannedVersion(commit, description, IsBase: false);

    private async Task<string> NoBranchAsync(string name, CancellationToken cancellationToken)
    {
        var branches = await _store.ListBranchesAsync(cancellationToken).ConfigureAwait(false);
        return $"branch '{name}' does not exist in the {_catalogDescription}; branches there: " +
            string.Join(", ", branches.Select(b => b.Name));
    }

    private static CatalogException Refused(string at, string reason) =>
        new(CatalogErrorKind.BadRequest, $"{at}: {reason}.");
}
