namespace LakehouseManager.Catalog.Views;

/// <summary>What reading one view's SQL came to (design §3): resolved with its SQL, missing, or unresolved.</summary>
internal enum ViewSqlStatus
{
    /// <summary>The SQL was read.</summary>
    Resolved,

    /// <summary>The source said the view does not exist (at that version).</summary>
    Missing,

    /// <summary>The SQL could not be read now; <see cref="ViewSqlOutcome.Reason"/> says why. Never to be taken for deleted.</summary>
    Unresolved,
}

/// <summary>
/// The outcome of reading one view's SQL from one source (Dremio's catalog API, SHOW CREATE VIEW, the Iceberg
/// metadata file, Nessie's <c>sqlText</c>). A single view's failure is an outcome, not an exception.
/// </summary>
internal sealed record ViewSqlOutcome(ViewSqlStatus Status, string? Sql, string? Reason)
{
    public static ViewSqlOutcome Resolved(string sql) =>
        new(ViewSqlStatus.Resolved, sql ?? throw new ArgumentNullException(nameof(sql)), null);

    public static ViewSqlOutcome Missing(string reason) => new(ViewSqlStatus.Missing, null, reason);

    public static ViewSqlOutcome Unresolved(string reason) => new(ViewSqlStatus.Unresolved, null, reason);

    public bool IsResolved => Status == ViewSqlStatus.Resolved;

    public override string ToString() => Status switch
    {
        ViewSqlStatus.Resolved => $"resolved ({Sql!.Length} characters)",
        _ => $"{Status.ToString().ToLowerInvariant()}: {Reason}",
    };
}
