using LakehouseManager.Sql;

namespace LakehouseManager.Catalog.Local;

/// <summary>One statement of a script and what it did: its number (of how many), the line it starts on, its first line.</summary>
public sealed record LocalScriptStep(int Number, int Count, int Line, string FirstLine, LocalSqlResult Result);

/// <summary>What a whole script did: how many statements ran and how many catalog commits they made.</summary>
public sealed record LocalScriptOutcome(int Statements, int Commits);

/// <summary>
/// Runs a SQL script (many statements, split as a SQL client splits them: see <see cref="SqlScriptSplitter"/>) at a
/// branch through one <see cref="LocalSqlExecutor"/>, so the catalog is opened and checked once for the whole script.
/// </summary>
/// <remarks>
/// Statement by statement (the default), as in Dremio: each view or branch statement is its own catalog commit and
/// plain SQL applies at once; the first statement that fails stops the run, is named by its number and line, and
/// nothing after it runs, while what the statements before it did stays (there is no rollback across commits).
/// As one commit: the view statements are checked in order and committed together at the end, so the script applies
/// whole or not at all; it may hold only view statements. A script that cannot be split (a quote or comment left
/// open) runs nothing.
/// </remarks>
public sealed class LocalSqlScript
{
    private readonly LocalSqlExecutor _executor;

    /// <summary>Whether the first statement of the SQL (one statement or a script) creates something.</summary>
    public static bool StartsWithCreate(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var first = SqlScriptSplitter.Split(sql).Statements.FirstOrDefault()?.Text ?? "";
        return first.TrimStart().StartsWith("CREATE", StringComparison.OrdinalIgnoreCase);
    }

    public LocalSqlScript(LocalSqlExecutor executor)
    {
        ArgumentNullException.ThrowIfNull(executor);
        _executor = executor;
    }

    /// <summary>Runs the script; <paramref name="onStep"/> hears of each statement as it finishes.</summary>
    /// <exception cref="CatalogException">The script cannot be split, is empty, or a statement failed (the message
    /// names it and says what ran).</exception>
    public async Task<LocalScriptOutcome> RunAsync(
        string branch,
        string script,
        bool singleCommit = false,
        Action<LocalScriptStep>? onStep = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        var (statements, error) = SqlScriptSplitter.Split(script);
        if (error is not null)
        {
            throw new CatalogException(
                CatalogErrorKind.BadRequest,
                $"The SQL script cannot be split into statements: the {error.What} that starts at " +
                $"{SqlPosition.Describe(script, error.Start)} is not closed (expected a closing {error.Close}). Nothing ran.");
        }

        if (statements.Count == 0)
        {
            throw new CatalogException(
                CatalogErrorKind.BadRequest, "The SQL script holds no statement: give at least one, each ended by ';'.");
        }

        return singleCommit
            ? await RunAsOneCommitAsync(branch, statements, onStep, cancellationToken).ConfigureAwait(false)
            : await RunEachAsync(branch, statements, onStep, cancellationToken).ConfigureAwait(false);
    }

    private async Task<LocalScriptOutcome> RunEachAsync(
        string branch, IReadOnlyList<SqlScriptStatement> statements, Action<LocalScriptStep>? onStep, CancellationToken cancellationToken)
    {
        var commits = 0;
        foreach (var statement in statements)
        {
            LocalSqlResult result;
            try
            {
                result = await _executor.ExecuteAsync(branch, statement.Text, cancellationToken).ConfigureAwait(false);
            }
            catch (LakehouseException exception)
            {
                throw Failed(statement, statements.Count, exception.Message, RanBefore(statement), exception);
            }

            onStep?.Invoke(Step(statement, statements.Count, result));
            commits += result.CommitHash is null ? 0 : 1;
            if (!result.Succeeded)
            {
                throw Failed(statement, statements.Count, result.Message, RanBefore(statement), null);
            }
        }

        return new LocalScriptOutcome(statements.Count, commits);
    }

    private async Task<LocalScriptOutcome> RunAsOneCommitAsync(
        string branch, IReadOnlyList<SqlScriptStatement> statements, Action<LocalScriptStep>? onStep, CancellationToken cancellationToken)
    {
        const string NothingCommitted = "Nothing was committed: the script applies as one commit or not at all.";
        var batch = await _executor.BeginBatchAsync(branch, cancellationToken).ConfigureAwait(false);
        foreach (var statement in statements)
        {
            LocalSqlResult staged;
            try
            {
                staged = await _executor.StageAsync(batch, statement.Text, cancellationToken).ConfigureAwait(false);
            }
            catch (LakehouseException exception)
            {
                throw Failed(statement, statements.Count, exception.Message, NothingCommitted, exception);
            }

            onStep?.Invoke(Step(statement, statements.Count, staged));
        }

        var result = await _executor.CommitBatchAsync(batch, cancellationToken).ConfigureAwait(false);
        var last = statements[^1];
        onStep?.Invoke(new LocalScriptStep(statements.Count, statements.Count, last.Line, "(the script's commit)", result));
        return new LocalScriptOutcome(statements.Count, result.CommitHash is null ? 0 : 1);
    }

    private static LocalScriptStep Step(SqlScriptStatement statement, int count, LocalSqlResult result) =>
        new(statement.Number, count, statement.Line, statement.FirstLine, result);

    private static string RanBefore(SqlScriptStatement statement) => statement.Number switch
    {
        1 => "Nothing ran before it.",
        2 => "The statement before it ran, and what it did stays: each view or branch statement is a commit of its own.",
        _ => $"The {statement.Number - 1} statements before it ran, and what they did stays: each view or branch " +
            "statement is a commit of its own.",
    };

    private static CatalogException Failed(
        SqlScriptStatement statement, int count, string reason, string before, LakehouseException? cause)
    {
        var after = count - statement.Number;
        var notRun = after switch
        {
            0 => string.Empty,
            1 => " The statement after it did not run.",
            _ => $" The {after} statements after it did not run.",
        };
        return new CatalogException(
            (cause as CatalogException)?.Kind ?? CatalogErrorKind.BadRequest,
            $"Statement {statement.Number} of {count}, at line {statement.Line} ({statement.FirstLine}), failed: " +
            $"{reason.TrimEnd('.')}. {before}{notRun}",
            cause);
    }
}
