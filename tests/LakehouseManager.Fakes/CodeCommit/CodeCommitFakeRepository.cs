namespace LakehouseManager.Fakes.CodeCommit;

/// <summary>
/// A repository of the fake: a real bare git repository in <see cref="Path"/>, which tests clone and push to with git.
/// </summary>
public sealed record CodeCommitFakeRepository(
    string Name, string RepositoryId, string Path, string Arn, string DefaultBranch, DateTimeOffset CreationDate)
{
    /// <summary>The description given at creation.</summary>
    public string? Description { get; init; }
}
