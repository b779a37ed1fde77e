using System.Text.RegularExpressions;
using Amazon.Runtime;
using LakehouseManager.Aws;
using LakehouseManager.Aws.CodeCommit;
using LakehouseManager.Fakes.CodeCommit;
using Xunit;

namespace LakehouseManager.Tests.Aws.CodeCommit;

/// <summary>The fake's standalone verb (<c>dotnet run --project tests/LakehouseManager.Fakes -- codecommit</c>), in process.</summary>
public sealed partial class CodeCommitFakeVerbTests
{
    [Fact(Timeout = 30_000)]
    public async Task The_verb_serves_its_repositories_until_it_is_stopped()
    {
        using var output = new StringWriter();
        using var synchronized = TextWriter.Synchronized(output);
        using var stop = new CancellationTokenSource();
        var run = CodeCommitFakeVerb.RunAsync(["--port", "0", "--repository", "demo", "--region", "eu-west-1"], synchronized, stop.Token);

        var address = await WaitForAddressAsync(output, synchronized, run);
        using var client = new CodeCommitClient(new AwsConnection(
            AwsSettings.For("eu-west-1", address), AwsCredentialSource.Fixed(new BasicAWSCredentials("AKIAEXAMPLE", "secret"))));
        var repository = await client.GetRepositoryAsync("demo");
        await stop.CancelAsync();

        Assert.Equal(0, await run);
        Assert.Equal("arn:aws:codecommit:eu-west-1:123456789012:demo", repository.Arn);
        Assert.Matches("repository demo: push to .*demo\\.git", output.ToString());
    }

    [Fact(Timeout = 30_000)]
    public async Task An_unknown_option_is_refused_with_the_options()
    {
        var code = await CodeCommitFakeVerb.RunAsync(["--colour", "blue"], TextWriter.Null, CancellationToken.None);

        Assert.Equal(2, code);
    }

    private static async Task<Uri> WaitForAddressAsync(StringWriter output, TextWriter synchronized, Task<int> run)
    {
        while (!run.IsCompleted)
        {
            string text;
            // TextWriter.Synchronized locks the wrapper for every write.
            lock (synchronized)
            {
                text = output.ToString();
            }

            if (Listening().Match(text) is { Success: true } match)
            {
                return new Uri(match.Groups["url"].Value);
            }

            // The verb starts Kestrel on its own thread: wait for its line, bounded by the test's timeout.
            await Task.WhenAny(run, Task.Delay(20));
        }

        throw new InvalidOperationException($"The verb ended early ({await run}): {output}");
    }

    [GeneratedRegex("listening on (?<url>http://\\S+/)")]
    private static partial Regex Listening();
}
