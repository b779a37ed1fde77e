namespace LakehouseManager.Pipeline.Testing;

/// <summary>A tests file as read from the mirror repository.</summary>
/// <param name="Path">The path from the repository root, normalized (<c>/</c>-separated).</param>
/// <param name="Branch">The branch it was read from.</param>
/// <param name="Ref">The ref read, e.g. <c>origin/dev</c> (after a fetch) or <c>dev</c> (the local branch).</param>
/// <param name="Commit">The commit the ref pointed at.</param>
/// <param name="Text">The file's content.</param>
public sealed record TestsFileSource(string Path, string Branch, string Ref, string Commit, string Text)
{
    /// <summary>"tests/data-tests.yaml at origin/dev (3f2a9c1)", for messages.</summary>
    public override string ToString() => $"{Path} at {Ref} ({Commit[..Math.Min(7, Commit.Length)]})";
}
