using LakehouseManager.Fakes.Aws;

namespace LakehouseManager.Fakes.CodeCommit;

/// <summary>How a <see cref="CodeCommitFake"/> behaves.</summary>
public sealed record CodeCommitFakeOptions
{
    /// <summary>The region in ARNs, clone URLs, events and the signatures it accepts.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>The account in ARNs and events.</summary>
    public string AccountId { get; init; } = "123456789012";

    /// <summary>
    /// The identities that may call. Empty: any signed request is accepted (signatures are not checked) and the caller
    /// is <c>arn:aws:iam::&lt;account&gt;:user/&lt;access key id&gt;</c>. Otherwise every signature is verified with
    /// <see cref="SigV4Verifier"/> and the caller is the identity's ARN.
    /// </summary>
    public IReadOnlyList<AwsFakeIdentity> Identities { get; init; } = [];

    /// <summary>Where the bare repositories live; null: a fresh temporary folder, deleted with the fake.</summary>
    public string? RootDirectory { get; init; }

    /// <summary>
    /// Called with every EventBridge event the fake emits (api-facts C.3 shapes), after the response of the call that
    /// caused it has been written. <see cref="CodeCommitFake.Events"/> keeps them all too.
    /// </summary>
    public Func<CodeCommitFakeEvent, CancellationToken, Task>? OnEvent { get; init; }

    /// <summary>
    /// Whether a merge also emits <c>pullRequestStatusChanged</c> (Closed, isMerged "True") after
    /// <c>pullRequestMergeStatusUpdated</c>. On by default: whether CodeCommit sends both is not documented, and a
    /// handler must cope with either.
    /// </summary>
    public bool StatusChangedEventOnMerge { get; init; } = true;

    /// <summary>The id of the first pull request created; the next ones count up from it.</summary>
    public int FirstPullRequestId { get; init; } = 1;

    /// <summary>The clock of dates, events and signature checks.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
