using LakehouseManager.Naming;

namespace LakehouseManager.Catalog.Local.Sql;

/// <summary>A statement of the local SQL front door; the records below are its closed set of kinds.</summary>
internal abstract record LocalStatement;

/// <summary><c>CREATE [OR REPLACE] VIEW key AS query</c>; <see cref="Query"/> is the text after AS as written, trimmed.</summary>
internal sealed record CreateViewStatement(ContentKey Key, bool OrReplace, string Query) : LocalStatement;

/// <summary><c>DROP VIEW [IF EXISTS] key</c>.</summary>
internal sealed record DropViewStatement(ContentKey Key, bool IfExists) : LocalStatement;

/// <summary><c>CREATE BRANCH [IF NOT EXISTS] name [FROM|AT ref]</c>.</summary>
internal sealed record CreateBranchStatement(string Name, bool IfNotExists, SqlRef? From) : LocalStatement;

/// <summary><c>DROP BRANCH [IF EXISTS] name [AT COMMIT hash | FORCE]</c>.</summary>
internal sealed record DropBranchStatement(string Name, bool IfExists, string? AtCommit) : LocalStatement;

/// <summary><c>MERGE BRANCH [DRY RUN] source [INTO target]</c>.</summary>
internal sealed record MergeBranchStatement(string Source, string? Target, bool DryRun) : LocalStatement;

/// <summary><c>SHOW BRANCHES</c>.</summary>
internal sealed record ShowBranchesStatement : LocalStatement;

/// <summary><c>SHOW VIEWS [AT ref] [IN namespace]</c>.</summary>
internal sealed record ShowViewsStatement(SqlRef? At, ContentKey? Namespace) : LocalStatement;

/// <summary><c>SHOW TABLES [IN namespace]</c>.</summary>
internal sealed record ShowTablesStatement(ContentKey? Namespace) : LocalStatement;

/// <summary><c>SHOW LOG[S] [AT ref]</c>.</summary>
internal sealed record ShowLogStatement(SqlRef? At) : LocalStatement;

/// <summary><c>SHOW CREATE VIEW key [AT ref]</c>.</summary>
internal sealed record ShowCreateViewStatement(ContentKey Key, SqlRef? At) : LocalStatement;

/// <summary>
/// Any other statement: plain SQL on the data tables. <see cref="NameChains"/> are the token indexes where a table
/// name being defined or dropped starts; <see cref="DefinedTable"/> is the table a CREATE/DROP TABLE names.
/// </summary>
internal sealed record DataStatement(
    ParsedSql Sql, IReadOnlySet<int> NameChains, ContentKey? DefinedTable, string? DefinedVerb) : LocalStatement
{
    public bool IsDdl => Sql.Significant.Count > 0 &&
        (Sql.Significant[0].IsKeyword("CREATE") || Sql.Significant[0].IsKeyword("DROP") || Sql.Significant[0].IsKeyword("ALTER"));
}
