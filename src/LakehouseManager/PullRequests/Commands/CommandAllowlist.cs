namespace LakehouseManager.PullRequests.Commands;

/// <summary>
/// Who may run which command (<c>--command-allowlist</c>): entries <c>COMMAND=ARN</c>, e.g.
/// <c>test=arn:aws:iam::123456789012:role/Reviewers</c>, or <c>*=ARN</c> for every command. A command with no entry
/// (and no <c>*</c> entry) is open to everyone; <c>!help</c> and unknown commands always are. Callers are compared
/// as <see cref="HostIdentity"/> compares them: an assumed role's sessions are the role. No I/O.
/// </summary>
public sealed class CommandAllowlist
{
    private const string Example = "e.g. test=arn:aws:iam::123456789012:role/Reviewers, or *=ARN for every command";

    private readonly IReadOnlyDictionary<CommentCommandKind, IReadOnlyList<string>> _principals;

    private CommandAllowlist(IReadOnlyDictionary<CommentCommandKind, IReadOnlyList<string>> principals)
    {
        _principals = principals;
    }

    /// <summary>Everyone may run everything.</summary>
    public static CommandAllowlist Open { get; } = new(new Dictionary<CommentCommandKind, IReadOnlyList<string>>());

    /// <summary>Reads the entries; throws a <see cref="LakehouseException"/> naming a bad one.</summary>
    public static CommandAllowlist Parse(IEnumerable<string>? entries)
    {
        var principals = new Dictionary<CommentCommandKind, List<string>>();
        foreach (var entry in (entries ?? []).SelectMany(e => e.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries)))
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? entry : entry[..equals].Trim();
            var arn = equals < 0 ? "" : entry[(equals + 1)..].Trim();
            if (arn.Length == 0 || !arn.StartsWith("arn:", StringComparison.Ordinal))
            {
                throw new LakehouseException(
                    $"Invalid --command-allowlist entry '{entry}': expected COMMAND=ARN ({Example}).");
            }

            IEnumerable<CommentCommandKind> kinds = name switch
            {
                "*" => [CommentCommandKind.Test, CommentCommandKind.Sync, CommentCommandKind.Status],
                _ when Enum.TryParse<CommentCommandKind>(name, ignoreCase: true, out var kind) &&
                       kind is CommentCommandKind.Test or CommentCommandKind.Sync or CommentCommandKind.Status => [kind],
                _ => throw new LakehouseException(
                    $"Invalid --command-allowlist entry '{entry}': '{name}' is not a command that can be restricted; " +
                    $"valid are test, sync, status and * ({Example})."),
            };
            foreach (var kind in kinds)
            {
                if (!principals.TryGetValue(kind, out var list))
                {
                    principals[kind] = list = [];
                }

                list.Add(HostIdentity.Principal(arn));
            }
        }

        return new CommandAllowlist(principals.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value));
    }

    /// <summary>Whether <paramref name="author"/> may run a command of <paramref name="kind"/>.</summary>
    public bool Allows(CommentCommandKind kind, string author)
    {
        ArgumentNullException.ThrowIfNull(author);
        return !_principals.TryGetValue(kind, out var allowed) || allowed.Contains(HostIdentity.Principal(author), StringComparer.Ordinal);
    }

    /// <summary>Who may run <paramref name="kind"/>; empty when everyone may.</summary>
    public IReadOnlyList<string> AllowedFor(CommentCommandKind kind) => _principals.GetValueOrDefault(kind) ?? [];
}
