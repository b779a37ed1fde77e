using System.Text.RegularExpressions;
using LakehouseManager.Fakes.Dremio;
using LakehouseManager.Naming;

namespace LakehouseManager.Fakes.Nessie;

/// <summary>
/// Dremio's versioned SQL on the Nessie fake's catalog, as a Nessie source answers it (api-facts B.4): <c>CREATE
/// BRANCH</c>, <c>DROP BRANCH</c>, <c>MERGE BRANCH [DRY RUN]</c>, <c>SHOW BRANCHES</c>, <c>CREATE [OR REPLACE]
/// VIEW</c> and <c>DROP VIEW</c>, with the result columns of <c>SimpleCommandResult</c> (<c>ok</c>, <c>summary</c>),
/// <c>MergeBranchResult</c> (<c>message</c>, <c>contentName</c>, <c>status</c>) and <c>ReferenceInfo</c>. Views are
/// written as Dremio writes them (<see cref="NessieFakeViews"/>). A branch a statement does not name is the one the
/// query's <c>references</c> pin the source to, else the default branch. Other statements are not answered here.
/// </summary>
internal sealed partial class NessieFakeDremioSql(NessieFake fake, string source)
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline;
    private const string Name = @"(""[^""]+""|[^\s;""]+)";

    public DremioFakeOutcome? Answer(DremioFakeQuery query)
    {
        var sql = query.Sql.Trim().TrimEnd(';').Trim();
        try
        {
            return CreateBranch().Match(sql) is { Success: true } create ? OnCreateBranch(create)
                : DropBranch().Match(sql) is { Success: true } drop ? OnDropBranch(drop)
                : MergeBranch().Match(sql) is { Success: true } merge ? OnMergeBranch(merge, query)
                : ShowBranches().Match(sql) is { Success: true } show ? OnShowBranches(show)
                : CreateView().Match(sql) is { Success: true } view ? OnCreateView(view, query)
                : DropView().Match(sql) is { Success: true } dropView ? OnDropView(dropView, query)
                : null;
        }
        catch (NessieFakeError e)
        {
            return DremioFakeOutcome.Fails($"VALIDATION ERROR: {e.Message}");
        }
    }

    private DremioFakeOutcome? OnCreateBranch(Match match)
    {
        if (!IsOurs(match))
        {
            return null;
        }

        var name = Unquote(match.Groups["name"].Value);
        if (fake.Repository.FindReference(name) is not null)
        {
            return match.Groups["ifNotExists"].Success
                ? Summary($"Reference {name} already exists in Source {source}.")
                : DremioFakeOutcome.Fails($"VALIDATION ERROR: Reference {name} already exists in Source {source}.");
        }

        var from = match.Groups["from"].Success ? Unquote(match.Groups["from"].Value) : null;
        var fromType = match.Groups["fromType"].Success ? match.Groups["fromType"].Value.ToUpperInvariant() : null;
        var hash = fromType == "COMMIT" ? from! : fake.Repository.Head(from ?? fake.Options.DefaultBranch).Hash;
        fake.Repository.CreateReference(name, "BRANCH", hash);
        var at = from is null ? "the default branch" : $"{(fromType ?? "REFERENCE").ToLowerInvariant()} {from}";
        return Summary($"Branch {name} has been created at {at} in source {source}.");
    }

    private DremioFakeOutcome? OnDropBranch(Match match)
    {
        if (!IsOurs(match))
        {
            return null;
        }

        var name = Unquote(match.Groups["name"].Value);
        if (fake.Repository.FindReference(name) is not { } reference)
        {
            return match.Groups["ifExists"].Success
                ? Summary($"Branch {name} not found on source {source}.")
                : DremioFakeOutcome.Fails($"VALIDATION ERROR: Branch {name} not found on source {source}.");
        }

        var expected = match.Groups["hash"].Success ? Unquote(match.Groups["hash"].Value) : reference.Hash;
        fake.Repository.DeleteReference(name, expected, "BRANCH");
        return Summary($"Branch {name} has been dropped on source {source}.");
    }

    private DremioFakeOutcome? OnMergeBranch(Match match, DremioFakeQuery query)
    {
        if (!IsOurs(match))
        {
            return null;
        }

        var from = Unquote(match.Groups["from"].Value);
        var target = match.Groups["into"].Success ? Unquote(match.Groups["into"].Value) : PinnedBranch(query);
        if (target is null)
        {
            return DremioFakeOutcome.Fails("VALIDATION ERROR: No target branch to merge into.");
        }

        var dryRun = match.Groups["dryRun"].Success;
        var head = fake.Repository.Head(target).Hash;
        var result = fake.Repository.Merge(
            target, head, from, fake.Repository.Head(from).Hash,
            new NessieFakeCommitMetaRequest($"Merged {from} into {target}", ["dremio-fake@example.com"]), dryRun);
        var conflicts = result.Details.Where(d => d.Conflict is not null).ToList();
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[]
            {
                result.WasSuccessful
                    ? dryRun ? $"Branch {from} can be merged into {target}" : $"Branch {from} has been merged into {target} at {fake.Repository.Head(target).Hash}"
                    : dryRun ? $"Branch {from} cannot be merged into {target}" : $"Failed to merge branch {from} into {target}",
                null,
                result.WasSuccessful ? "SUCCESS" : "FAILURE",
            },
        };
        rows.AddRange(conflicts.Select(c => (IReadOnlyList<object?>)[c.Conflict!.Message, NessieFakeConflict.Dotted(c.Key), c.Conflict.ConflictType]));
        return DremioFakeOutcome.Rows(DremioFakeResult.FromRows(
            [new DremioFakeColumn("message"), new DremioFakeColumn("contentName"), new DremioFakeColumn("status")], [.. rows]));
    }

    private DremioFakeOutcome? OnShowBranches(Match match)
    {
        if (!IsOurs(match))
        {
            return null;
        }

        var rows = fake.Repository.References.Where(r => r.IsBranch)
            .Select(r => (IReadOnlyList<object?>)["Branch", r.Name, r.Hash]).ToArray();
        return DremioFakeOutcome.Rows(DremioFakeResult.FromRows(
            [new DremioFakeColumn("type"), new DremioFakeColumn("refName"), new DremioFakeColumn("commitHash")], rows));
    }

    private DremioFakeOutcome? OnCreateView(Match match, DremioFakeQuery query)
    {
        if (KeyUnderSource(match.Groups["path"].Value) is not { } key)
        {
            return null;
        }

        var branch = match.Groups["branch"].Success ? Unquote(match.Groups["branch"].Value) : PinnedBranch(query) ?? fake.Options.DefaultBranch;
        var body = match.Groups["body"].Value.Trim();
        var exists = fake.Repository.ContentAt(branch, key) is { IsView: true };
        if (exists && !match.Groups["replace"].Success)
        {
            return DremioFakeOutcome.Fails($"VALIDATION ERROR: A view with given name [{source}.{key.ToSqlPath()}] already exists");
        }

        _ = exists ? fake.Views.AlterView(branch, key, body) : fake.Views.CreateView(branch, key, body);
        return Summary($"View {source}.{key.ToSqlPath()} has been {(exists ? "updated" : "created")} successfully");
    }

    private DremioFakeOutcome? OnDropView(Match match, DremioFakeQuery query)
    {
        if (KeyUnderSource(match.Groups["path"].Value) is not { } key)
        {
            return null;
        }

        var branch = match.Groups["branch"].Success ? Unquote(match.Groups["branch"].Value) : PinnedBranch(query) ?? fake.Options.DefaultBranch;
        if (fake.Repository.ContentAt(branch, key) is not { IsView: true })
        {
            return match.Groups["ifExists"].Success
                ? Summary($"View [{source}.{key.ToSqlPath()}] does not exist")
                : DremioFakeOutcome.Fails($"VALIDATION ERROR: Unknown view [{source}.{key.ToSqlPath()}]");
        }

        fake.Views.DropView(branch, key);
        return Summary($"View [{source}.{key.ToSqlPath()}] deleted.");
    }

    /// <summary>The key under the source, or null when the path names another source.</summary>
    private ContentKey? KeyUnderSource(string path)
    {
        var full = ContentKey.ParseSqlPath(path.Trim());
        return full.Elements.Length > 1 && full.Elements[0] == source ? ContentKey.Of(full.Elements.Skip(1)) : null;
    }

    /// <summary>The branch the query's <c>references</c> pin the source to, if a branch.</summary>
    private string? PinnedBranch(DremioFakeQuery query) =>
        query.References.TryGetValue(source, out var pinned) && pinned.Type == "BRANCH" ? pinned.Value : null;

    private bool IsOurs(Match match) => !match.Groups["in"].Success || Unquote(match.Groups["in"].Value) == source;

    private static string Unquote(string name) => name.Length >= 2 && name[0] == '"' && name[^1] == '"' ? name[1..^1] : name;

    private static DremioFakeOutcome Summary(string summary) => DremioFakeOutcome.Rows(DremioFakeResult.FromRows(
        [new DremioFakeColumn("ok", "BOOLEAN"), new DremioFakeColumn("summary")], [true, summary]));

    [GeneratedRegex(@"^CREATE\s+BRANCH\s+(?<ifNotExists>IF\s+NOT\s+EXISTS\s+)?(?<name>" + Name + @")(?:\s+(?:FROM|AT)\s+(?<fromType>REF|REFERENCE|BRANCH|TAG|COMMIT)\s+(?<from>" + Name + @"))?(?:\s+IN\s+(?<in>" + Name + "))?$", Options)]
    private static partial Regex CreateBranch();

    [GeneratedRegex(@"^DROP\s+BRANCH\s+(?<ifExists>IF\s+EXISTS\s+)?(?<name>" + Name + @")(?:\s+AT\s+COMMIT\s+(?<hash>" + Name + @")|\s+FORCE)?(?:\s+IN\s+(?<in>" + Name + "))?$", Options)]
    private static partial Regex DropBranch();

    [GeneratedRegex(@"^MERGE\s+BRANCH\s+(?<dryRun>DRY\s+RUN\s+)?(?<from>" + Name + @")(?:\s+INTO\s+(?<into>" + Name + @"))?(?:\s+IN\s+(?<in>" + Name + "))?$", Options)]
    private static partial Regex MergeBranch();

    [GeneratedRegex(@"^SHOW\s+BRANCHES(?:\s+IN\s+(?<in>" + Name + "))?$", Options)]
    private static partial Regex ShowBranches();

    [GeneratedRegex(@"^CREATE\s+(?<replace>OR\s+REPLACE\s+)?VIEW\s+(?<path>.+?)(?:\s+AT\s+BRANCH\s+(?<branch>" + Name + @"))?\s+AS\s+(?<body>.+)$", Options)]
    private static partial Regex CreateView();

    [GeneratedRegex(@"^DROP\s+VIEW\s+(?<ifExists>IF\s+EXISTS\s+)?(?<path>.+?)(?:\s+AT\s+BRANCH\s+(?<branch>" + Name + "))?$", Options)]
    private static partial Regex DropView();
}
