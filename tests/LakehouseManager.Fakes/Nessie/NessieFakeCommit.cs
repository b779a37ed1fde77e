using System.Collections.Immutable;
using LakehouseManager.Naming;

namespace LakehouseManager.Fakes.Nessie;

/// <summary>One operation of a stored commit: a PUT with its content, or a DELETE.</summary>
public sealed record NessieFakeOperation(string Type, ContentKey Key, NessieFakeContent? Content);

/// <summary>
/// A commit of the fake: its hash, parents (the first is the direct parent, a second one the merged commit), metadata,
/// operations, and the whole tree (every key's content) after it, shared structurally with its parent's tree.
/// </summary>
public sealed class NessieFakeCommit
{
    internal NessieFakeCommit(
        string hash,
        IReadOnlyList<string> parents,
        long sequence,
        NessieFakeCommitMeta meta,
        IReadOnlyList<NessieFakeOperation> operations,
        ImmutableSortedDictionary<ContentKey, NessieFakeContent> tree)
    {
        Hash = hash;
        Parents = parents;
        Sequence = sequence;
        Meta = meta;
        Operations = operations;
        Tree = tree;
    }

    public string Hash { get; }

    /// <summary>The direct parent first; a merge commit has the merged commit second.</summary>
    public IReadOnlyList<string> Parents { get; }

    /// <summary>Grows with every commit; the "beginning of time" is 0.</summary>
    public long Sequence { get; }

    public NessieFakeCommitMeta Meta { get; }

    public IReadOnlyList<NessieFakeOperation> Operations { get; }

    /// <summary>Every key and its content after this commit, in key order.</summary>
    public ImmutableSortedDictionary<ContentKey, NessieFakeContent> Tree { get; }

    public string? DirectParent => Parents.Count > 0 ? Parents[0] : null;

    public override string ToString() => $"{Hash[..12]} {Meta.Message}";
}

/// <summary>A commit's metadata as the server records it.</summary>
public sealed record NessieFakeCommitMeta(
    string Message,
    string Committer,
    IReadOnlyList<string> Authors,
    DateTimeOffset CommitTime,
    DateTimeOffset AuthorTime,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Properties);
