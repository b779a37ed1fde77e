using LakehouseManager.DataTests.Expectations;

namespace LakehouseManager.DataTests;

/// <summary>One data test from a tests file: a query and the one expectation its rows must meet.</summary>
public sealed record DataTest
{
    /// <summary>The placeholder replaced by the branch name: the only substitution ever made in SQL text.</summary>
    public const string BranchPlaceholder = "{branch}";

    /// <summary>The test's name, unique in its file; what <c>!test name</c> selects.</summary>
    public required string Name { get; init; }

    /// <summary>The SQL as written in the file, <see cref="BranchPlaceholder"/> included.</summary>
    public required string Sql { get; init; }

    /// <summary>What the rows must show.</summary>
    public required Expectation Expectation { get; init; }

    public DataTestSeverity Severity { get; init; } = DataTestSeverity.Error;

    /// <summary>Tags for selection (<c>!test tag:nightly</c>).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    public string? Description { get; init; }

    /// <summary>The test's own timeout; null means the runner's default.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>When set, the test is reported as skipped with this reason and never runs.</summary>
    public string? SkipReason { get; init; }

    /// <summary>The line of the test in its file (1-based), for messages.</summary>
    public int Line { get; init; }

    /// <summary>The SQL to run on <paramref name="branch"/>: every <c>{branch}</c> replaced, nothing else touched.</summary>
    public string SqlFor(string branch)
    {
        ArgumentNullException.ThrowIfNull(branch);
        return Sql.Replace(BranchPlaceholder, branch, StringComparison.Ordinal);
    }

    /// <summary>Whether the test carries the tag (tags compare case-insensitively).</summary>
    public bool HasTag(string tag) => Tags.Contains(tag, StringComparer.OrdinalIgnoreCase);
}
