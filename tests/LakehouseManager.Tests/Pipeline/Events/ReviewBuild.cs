using CliWrap;
using LakehouseManager.Tests.Aws.CodeCommit;
using LakehouseManager.Tests.Support;
using Xunit;

namespace LakehouseManager.Tests.Pipeline.Events;

/// <summary>One run of the build (<c>./build.sh TARGET ...</c>) in a process of its own against a <see cref="ReviewWorld"/>.</summary>
/// <param name="ExitCode">The process's exit code.</param>
/// <param name="Output">Standard output and standard error.</param>
/// <param name="Artifacts">The run's artifacts folder.</param>
/// <param name="Checkout">The run's checkout of the mirror.</param>
internal sealed record ReviewBuildRun(int ExitCode, string Output, string Artifacts, string Checkout)
{
    /// <summary>The output and every file the run wrote to its artifacts.</summary>
    public IEnumerable<string> Texts() =>
        Directory.Exists(Artifacts)
            ? Directory.EnumerateFiles(Artifacts, "*", SearchOption.AllDirectories).Select(File.ReadAllText).Append(Output)
            : [Output];

    /// <summary>Neither the bot's secret key nor the Dremio PAT is in the output or in any artifact.</summary>
    public void AssertShowsNoSecret()
    {
        foreach (var text in Texts())
        {
            Assert.DoesNotContain(CodeCommitWorld.Bot.SecretAccessKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain(ReviewBuild.DremioPat, text, StringComparison.Ordinal);
        }
    }
}

/// <summary>
/// Runs the build as a CodeBuild job does for a <see cref="ReviewWorld"/>: a fresh checkout and artifacts folder, the
/// CodeCommit host on the world's fake, the bot's credentials in the environment, and a Dremio PAT whose value must
/// never show.
/// </summary>
internal static class ReviewBuild
{
    public const string DremioPat = "dremio-pat-0b9c77e1f5a2";

    /// <summary>The arguments every run gets; later ones given to <see cref="RunAsync"/> win (the last occurrence wins).</summary>
    public static IReadOnlyList<string> Arguments(ReviewWorld world, string checkout, string artifacts, bool endpoint = true) =>
    [
        "--pr-host", "codecommit", "--repo-name", world.Repository, "--bot-arn", ReviewWorld.BotRole,
        "--aws-region", world.Fake.Region, .. endpoint ? (string[])["--aws-endpoint-url", world.Fake.BaseAddress.ToString()] : [],
        "--catalog-path", world.CatalogPath, "--repo-path", checkout, "--mirror-path", "views",
        "--artifacts-path", artifacts, "--tests-path", ReviewWorld.TestsPath,
    ];

    /// <summary>The target first (it is positional), then the common arguments, then the test's own, which win.</summary>
    private static IReadOnlyList<string> WithTarget(IEnumerable<string> targetAndArguments, IReadOnlyList<string> common)
    {
        var given = targetAndArguments.ToList();
        return [given[0], .. common, .. given.Skip(1)];
    }

    /// <summary>The bot's credentials, the PAT, and none of the caller's own AWS settings.</summary>
    public static Dictionary<string, string?> Environment() => new()
    {
        ["AWS_ACCESS_KEY_ID"] = CodeCommitWorld.Bot.AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = CodeCommitWorld.Bot.SecretAccessKey,
        ["AWS_SESSION_TOKEN"] = null,
        ["DREMIO_PAT"] = DremioPat,
        ["AWS_REGION"] = null,
        ["AWS_DEFAULT_REGION"] = null,
        ["AWS_PROFILE"] = null,
        ["AWS_ENDPOINT_URL"] = null,
    };

    public static async Task<ReviewBuildRun> RunAsync(
        ReviewWorld world, IEnumerable<string> targetAndArguments, IReadOnlyDictionary<string, string?>? environment = null, bool endpoint = true)
    {
        var (checkout, artifacts) = world.NewJob();
        var variables = Environment();
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            variables[name] = value;
        }

        var result = await BuildProcess.RunAsync(WithTarget(targetAndArguments, Arguments(world, checkout, artifacts, endpoint)), variables);
        return new ReviewBuildRun(result.ExitCode, result.StandardOutput + result.StandardError, artifacts, checkout);
    }

    /// <summary>
    /// Starts the build and presses Ctrl-C (SIGINT to the process, as a terminal sends it) once a line of its output
    /// matches <paramref name="interruptAfter"/>; returns when the process has ended by itself.
    /// </summary>
    public static async Task<ReviewBuildRun> RunAndInterruptAsync(
        ReviewWorld world, IEnumerable<string> targetAndArguments, Func<string, bool> interruptAfter)
    {
        await BuildProcess.EnsureBuiltAsync(CancellationToken.None);
        var (checkout, artifacts) = world.NewJob();
        var output = new System.Text.StringBuilder();
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var task = Cli.Wrap("dotnet")
            .WithArguments(
                ["exec", BuildProcess.BuildDll, .. WithTarget(targetAndArguments, Arguments(world, checkout, artifacts)), "--no-logo", "--root", BuildProcess.RepositoryRoot])
            .WithWorkingDirectory(BuildProcess.RepositoryRoot)
            .WithEnvironmentVariables(e => e.Set("CI", "true").Set(Environment()))
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(line => Record(line, interruptAfter(line))))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(line => Record(line, false)))
            .ExecuteAsync();
        if (await Task.WhenAny(task.Task, seen.Task) == seen.Task)
        {
            await Cli.Wrap("kill").WithArguments(["-INT", task.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)]).ExecuteAsync();
        }

        var result = await task;
        return new ReviewBuildRun(result.ExitCode, output.ToString(), artifacts, checkout);

        void Record(string line, bool interruptNow)
        {
            lock (output)
            {
                output.AppendLine(line);
            }

            if (interruptNow)
            {
                seen.TrySetResult();
            }
        }
    }
}
