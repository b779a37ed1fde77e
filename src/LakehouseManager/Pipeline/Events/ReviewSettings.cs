using LakehouseManager.DataTests;
using LakehouseManager.PullRequests.Commands;

namespace LakehouseManager.Pipeline.Events;

/// <summary>What a closed, unmerged pull request does to its catalog branch (<c>--on-close</c>).</summary>
public enum OnClose
{
    /// <summary>Leave the catalog branch as it is (the default): someone may reopen the work.</summary>
    Keep,

    /// <summary>Delete the catalog branch, at the hash it has (never the pull request's target).</summary>
    DropBranch,
}

/// <summary>
/// How pull-request events and comment commands are handled: the tests file, the runner, the command prefix, who may
/// run what, and what closing without a merge does.
/// </summary>
public sealed record ReviewSettings
{
    /// <summary><c>--tests-path</c>: the data tests file that <c>!test</c> runs; null: <c>!test</c> says it is not set.</summary>
    public string? TestsPath { get; init; }

    /// <summary>Parallelism and default timeout of the data tests.</summary>
    public DataTestRunnerOptions RunnerOptions { get; init; } = new();

    /// <summary><c>--command-prefix</c>.</summary>
    public string CommandPrefix { get; init; } = CommentCommandParser.DefaultPrefix;

    /// <summary><c>--command-allowlist</c>.</summary>
    public CommandAllowlist Allowlist { get; init; } = CommandAllowlist.Open;

    /// <summary><c>--on-close</c>.</summary>
    public OnClose OnClose { get; init; } = OnClose.Keep;
}
