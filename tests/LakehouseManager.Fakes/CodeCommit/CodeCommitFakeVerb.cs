using System.Globalization;
using System.Runtime.InteropServices;

namespace LakehouseManager.Fakes.CodeCommit;

/// <summary>
/// <c>codecommit [--port N] [--region R] [--root DIR] [--repository NAME]... [--events-file FILE]
/// [--first-pull-request-id N] [--next-comment-id ID]...</c>: runs a
/// <see cref="CodeCommitFake"/> until Ctrl-C or SIGTERM, so the AWS CLI or the tool can be pointed at it by hand
/// (<c>aws --endpoint-url http://127.0.0.1:N codecommit ...</c>, <c>--aws-endpoint-url</c>). Each EventBridge event is
/// printed, and appended as one JSON line to the events file when one is given. The last two options give the ids
/// of the CodeCommit user guide's sample events (pull request 201, comment 463bEXAMPLE...), so that those events can
/// be handled by hand.
/// </summary>
public static class CodeCommitFakeVerb
{
    public const string Summary =
        "a CodeCommit fake on 127.0.0.1 (--port N, default 5000; --region R; --root DIR; --repository NAME, repeatable; " +
        "--events-file FILE; --first-pull-request-id N, default 1; --next-comment-id ID, repeatable: the ids of the next comments)";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var port = 5000;
        var options = new CodeCommitFakeOptions();
        var repositories = new List<string>();
        var commentIds = new List<string>();
        string? eventsFile = null;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--port" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number):
                    port = number;
                    break;
                case "--region" when value is not null:
                    options = options with { Region = value };
                    break;
                case "--root" when value is not null:
                    options = options with { RootDirectory = Path.GetFullPath(value) };
                    break;
                case "--repository" when value is not null:
                    repositories.Add(value);
                    break;
                case "--events-file" when value is not null:
                    eventsFile = Path.GetFullPath(value);
                    break;
                case "--first-pull-request-id" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var first) && first >= 1:
                    options = options with { FirstPullRequestId = first };
                    break;
                case "--next-comment-id" when !string.IsNullOrEmpty(value):
                    commentIds.Add(value);
                    break;
                default:
                    await Console.Error.WriteLineAsync($"codecommit: unknown or incomplete option '{args[i]}'. Options: {Summary}.")
                        .ConfigureAwait(false);
                    return 2;
            }

            i++;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Ctrl-C, and the SIGTERM that `timeout`, `kill` and CI send, stop the fake gracefully; without these the host
        // would wait for this method, which waits forever.
        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        return await ServeAsync(port, options, repositories, commentIds, eventsFile, output, stop.Token).ConfigureAwait(false);

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    private static async Task<int> ServeAsync(
        int port, CodeCommitFakeOptions options, IReadOnlyList<string> repositories, IReadOnlyList<string> commentIds, string? eventsFile,
        TextWriter output, CancellationToken stop)
    {
        options = options with
        {
            OnEvent = async (item, ct) =>
            {
                await output.WriteLineAsync($"event {item.EventName} (pull request {item.PullRequestId})").ConfigureAwait(false);
                if (eventsFile is not null)
                {
                    await File.AppendAllTextAsync(eventsFile, item.Json + "\n", ct).ConfigureAwait(false);
                }
            },
        };
        await using var fake = await CodeCommitFake.StartAsync(options, port, stop).ConfigureAwait(false);
        foreach (var commentId in commentIds)
        {
            fake.UseNextCommentId(commentId);
        }

        foreach (var name in repositories)
        {
            var repository = await fake.CreateRepositoryAsync(name, cancellationToken: stop).ConfigureAwait(false);
            await output.WriteLineAsync($"repository {name}: push to {repository.Path}").ConfigureAwait(false);
        }

        await output.WriteLineAsync($"CodeCommit fake listening on {fake.BaseAddress} (region {fake.Region}); Ctrl-C stops it.")
            .ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        return 0;
    }
}
