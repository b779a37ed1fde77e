using LakehouseManager.Naming;

namespace LakehouseManager.DataTests;

/// <summary>
/// The catalog state a data-test query runs at: a branch, pinned to one of its commits when the mirror recorded the
/// state the reviewer saw (Dremio's <c>references</c> take a BRANCH or a COMMIT). <c>{branch}</c> in a test's SQL is
/// always the branch's name.
/// </summary>
public sealed record QueryVersion(string Branch, string? CommitHash = null)
{
    /// <summary>The branch at its head.</summary>
    public static QueryVersion AtHead(string branch) => new(branch);

    /// <summary>"branch dev at commit 0123456789ab", or "branch dev" at its head.</summary>
    public override string ToString() =>
        CommitHash is null ? $"branch {Branch}" : $"branch {Branch} at commit {HashText.Short(CommitHash)}";
}
