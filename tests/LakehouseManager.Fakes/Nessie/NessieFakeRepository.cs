using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using LakehouseManager.Naming;

namespace LakehouseManager.Fakes.Nessie;

/// <summary>
/// The fake's versioned store, free of HTTP: references, commits with whole trees, and Nessie's rules for commits,
/// merges, and reference changes. Errors are <see cref="NessieFakeError"/>s with Nessie's codes and messages.
/// Thread-safe (one lock); every read returns immutable snapshots.
/// </summary>
public sealed partial class NessieFakeRepository
{
    /// <summary>Nessie's hash of "the beginning of time" (<c>noAncestorHash</c> in <c>GET /config</c>).</summary>
    public const string NoAncestorHash = "2e1cfa82b035c26cbbbdae632cea070514eb8b773f616aaeaf668e2f0be8f10d";

    private readonly object _gate = new();
    private readonly Dictionary<string, NessieFakeCommit> _commits = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, NessieFakeReference> _references = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private long _sequence;
    private long _ids;

    public NessieFakeRepository(string defaultBranch, TimeProvider timeProvider)
    {
        DefaultBranch = defaultBranch;
        _time = timeProvider;
        var root = new NessieFakeCommit(
            NoAncestorHash, [], 0,
            new NessieFakeCommitMeta("", "", [], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch,
                new Dictionary<string, IReadOnlyList<string>>()),
            [], ImmutableSortedDictionary<ContentKey, NessieFakeContent>.Empty);
        _commits.Add(root.Hash, root);
        _references.Add(defaultBranch, new NessieFakeReference(defaultBranch, "BRANCH", NoAncestorHash));
    }

    public string DefaultBranch { get; }

    /// <summary>All references, by name.</summary>
    public IReadOnlyList<NessieFakeReference> References
    {
        get
        {
            lock (_gate)
            {
                return [.. _references.Values];
            }
        }
    }

    /// <summary>The number of commits (the beginning of time excluded).</summary>
    public int CommitCount
    {
        get
        {
            lock (_gate)
            {
                return _commits.Count - 1;
            }
        }
    }

    /// <summary>The reference, or null.</summary>
    public NessieFakeReference? FindReference(string name)
    {
        lock (_gate)
        {
            return _references.GetValueOrDefault(name);
        }
    }

    /// <summary>The head commit of a reference; 404 when it does not exist.</summary>
    public NessieFakeCommit Head(string name)
    {
        lock (_gate)
        {
            return _commits[RequireReference(name).Hash];
        }
    }

    /// <summary>The commit with this hash, or null.</summary>
    public NessieFakeCommit? FindCommit(string hash)
    {
        lock (_gate)
        {
            return _commits.GetValueOrDefault(hash.ToLowerInvariant());
        }
    }

    /// <summary>
    /// Resolves a reference path's parts as Nessie does: a name (<c>-</c> is the default branch) at its head or at a
    /// hash that must be in its history, or a bare hash (detached).
    /// </summary>
    public (NessieFakeReference? Reference, NessieFakeCommit Commit) Resolve(string? name, string? hash)
    {
        lock (_gate)
        {
            if (string.IsNullOrEmpty(name))
            {
                if (string.IsNullOrEmpty(hash))
                {
                    throw NessieFakeError.BadRequest("A reference name or a hash is required.");
                }

                return (null, _commits.GetValueOrDefault(hash.ToLowerInvariant()) ?? throw NessieFakeError.CommitNotFound(hash));
            }

            var reference = RequireReference(name == "-" ? DefaultBranch : name);
            var head = _commits[reference.Hash];
            if (string.IsNullOrEmpty(hash))
            {
                return (reference, head);
            }

            return (reference, InChain(head, hash.ToLowerInvariant()) ?? throw NessieFakeError.CommitNotInReference(hash, reference.Name));
        }
    }

    /// <summary>The commit log from a commit, following direct parents, newest first (the beginning of time excluded).</summary>
    public List<NessieFakeCommit> Log(NessieFakeCommit from)
    {
        lock (_gate)
        {
            var log = new List<NessieFakeCommit>();
            for (var commit = from; commit.Hash != NoAncestorHash; commit = _commits[commit.DirectParent!])
            {
                log.Add(commit);
            }

            return log;
        }
    }

    /// <summary>Creates a branch or tag at a commit; 409 when the name is taken.</summary>
    public NessieFakeReference CreateReference(string name, string type, string hash)
    {
        lock (_gate)
        {
            if (_references.ContainsKey(name))
            {
                throw NessieFakeError.ReferenceAlreadyExists(name);
            }

            var reference = new NessieFakeReference(name, type, hash);
            _references.Add(name, reference);
            return reference;
        }
    }

    /// <summary>Deletes a reference that is exactly at <paramref name="expectedHash"/>.</summary>
    public NessieFakeReference DeleteReference(string name, string expectedHash, string? type)
    {
        lock (_gate)
        {
            var reference = RequireReference(name);
            if (type is not null && !string.Equals(type, reference.Type, StringComparison.OrdinalIgnoreCase))
            {
                throw NessieFakeError.BadRequest($"Expected reference type {type.ToUpperInvariant()} does not match existing reference {reference.Name}");
            }

            if (reference.IsBranch && name == DefaultBranch)
            {
                throw NessieFakeError.BadRequest($"Default branch '{name}' cannot be deleted.");
            }

            VerifyExactHead(reference, expectedHash);
            _references.Remove(name);
            return reference;
        }
    }

    /// <summary>The keys that differ between two trees, in key order: (key, from content, to content).</summary>
    public static IEnumerable<(ContentKey Key, NessieFakeContent? From, NessieFakeContent? To)> Diff(
        ImmutableSortedDictionary<ContentKey, NessieFakeContent> from, ImmutableSortedDictionary<ContentKey, NessieFakeContent> to)
    {
        using var left = from.GetEnumerator();
        using var right = to.GetEnumerator();
        var hasLeft = left.MoveNext();
        var hasRight = right.MoveNext();
        while (hasLeft || hasRight)
        {
            var order = !hasLeft ? 1 : !hasRight ? -1 : left.Current.Key.CompareTo(right.Current.Key);
            if (order < 0)
            {
                yield return (left.Current.Key, left.Current.Value, null);
                hasLeft = left.MoveNext();
            }
            else if (order > 0)
            {
                yield return (right.Current.Key, null, right.Current.Value);
                hasRight = right.MoveNext();
            }
            else
            {
                if (!left.Current.Value.Equals(right.Current.Value))
                {
                    yield return (left.Current.Key, left.Current.Value, right.Current.Value);
                }

                hasLeft = left.MoveNext();
                hasRight = right.MoveNext();
            }
        }
    }

    /// <summary>Whether <paramref name="ancestor"/> is <paramref name="descendant"/> or reachable from it by any parent.</summary>
    public bool IsAncestor(string ancestor, string descendant)
    {
        lock (_gate)
        {
            return Ancestors(descendant).Contains(ancestor);
        }
    }

    private NessieFakeReference RequireReference(string name) =>
        _references.GetValueOrDefault(name) ?? throw NessieFakeError.ReferenceNotFound(name);

    private static void VerifyExactHead(NessieFakeReference reference, string expectedHash)
    {
        if (!string.Equals(reference.Hash, expectedHash, StringComparison.OrdinalIgnoreCase))
        {
            var conflict = NessieFakeConflict.UnexpectedHash(reference.Name, expectedHash, reference.Hash);
            throw NessieFakeError.Conflict([conflict]);
        }
    }

    /// <summary>The commit with <paramref name="hash"/> if it is on the direct-parent chain of <paramref name="head"/>.</summary>
    private NessieFakeCommit? InChain(NessieFakeCommit head, string hash)
    {
        for (var commit = head; ; commit = _commits[commit.DirectParent!])
        {
            if (commit.Hash == hash)
            {
                return commit;
            }

            if (commit.DirectParent is null)
            {
                return null;
            }
        }
    }

    /// <summary>Every commit reachable from <paramref name="hash"/> by any parent, itself included.</summary>
    private HashSet<string> Ancestors(string hash)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(hash);
        while (pending.TryPop(out var next))
        {
            if (seen.Add(next))
            {
                foreach (var parent in _commits[next].Parents)
                {
                    pending.Push(parent);
                }
            }
        }

        return seen;
    }

    private NessieFakeCommit AddCommit(
        IReadOnlyList<string> parents,
        NessieFakeCommitMeta meta,
        IReadOnlyList<NessieFakeOperation> operations,
        ImmutableSortedDictionary<ContentKey, NessieFakeContent> tree)
    {
        var sequence = ++_sequence;
        var text = new StringBuilder()
            .Append(string.Join(',', parents)).Append('|').Append(sequence).Append('|').Append(meta.Message);
        foreach (var operation in operations)
        {
            text.Append('|').Append(operation.Type).Append(' ').Append(string.Join('\u001D', operation.Key.Elements))
                .Append(' ').Append(operation.Content?.Json);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        var commit = new NessieFakeCommit(hash, parents, sequence, meta, operations, tree);
        _commits.Add(hash, commit);
        return commit;
    }

    /// <summary>A new content id: deterministic (a counter hashed into a UUID), so a seeded catalog is the same every run.</summary>
    private string NewContentId()
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"content-id:{++_ids}"));
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes.AsSpan(0, 16), bigEndian: true).ToString("D");
    }

    private void MoveReference(string name, string hash) =>
        _references[name] = _references[name] with { Hash = hash };
}
