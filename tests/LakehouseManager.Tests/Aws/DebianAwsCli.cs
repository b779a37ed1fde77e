using System.Text.Json;
using CliWrap;
using CliWrap.Buffered;
using LakehouseManager.Fakes.Aws;

namespace LakehouseManager.Tests.Aws;

/// <summary>
/// The official AWS CLI 2 from Debian's <c>awscli</c> package (2.9), found through <c>dpkg -L awscli</c>: the first
/// <c>aws</c> on PATH may be a pip-installed 1.x. Runs it against a fake with an identity's keys and nothing of the
/// machine's own configuration. Missing, it fails the test with how to install it.
/// </summary>
internal static class DebianAwsCli
{
    private static readonly SemaphoreSlim s_gate = new(1, 1);
    private static string? s_path;

    /// <summary>The <c>aws</c> executable of the awscli package.</summary>
    public static async Task<string> LocateAsync()
    {
        await s_gate.WaitAsync();
        try
        {
            if (s_path is not null)
            {
                return s_path;
            }

            const string Install = "Install it with `apt-get install -y awscli` (the official AWS CLI 2 that Debian packages).";
            BufferedCommandResult listing;
            try
            {
                listing = await Cli.Wrap("dpkg").WithArguments(["-L", "awscli"]).WithValidation(CommandResultValidation.None)
                    .ExecuteBufferedAsync(Timeout(30));
            }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception or CliWrap.Exceptions.CliWrapException or OperationCanceledException)
            {
                throw new InvalidOperationException($"dpkg is not available to find Debian's AWS CLI. {Install}");
            }

            var path = listing.ExitCode == 0
                ? listing.StandardOutput.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.EndsWith("/bin/aws", StringComparison.Ordinal))
                : null;
            if (path is null || !File.Exists(path))
            {
                throw new InvalidOperationException($"Debian's AWS CLI (package awscli) is not installed. {Install}");
            }

            var version = await Cli.Wrap(path).WithArguments(["--version"]).ExecuteBufferedAsync(Timeout(60));
            if (!version.StandardOutput.StartsWith("aws-cli/2.", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{path} is not the AWS CLI 2 ({version.StandardOutput.Trim()}). {Install}");
            }

            return s_path = path;
        }
        finally
        {
            s_gate.Release();
        }
    }

    /// <summary>
    /// Runs <c>aws --endpoint-url ENDPOINT --region REGION --output json --no-cli-pager ARGS</c> signed as
    /// <paramref name="identity"/>: the parsed output (an empty object when it printed nothing), or the error.
    /// </summary>
    public static async Task<(JsonElement Output, string Error, int ExitCode)> RunAsync(
        Uri endpoint, string region, AwsFakeIdentity identity, params string[] arguments)
    {
        var path = await LocateAsync();
        var empty = Path.Combine(Path.GetTempPath(), $"lhm-no-aws-config-{Guid.NewGuid():N}");
        var result = await Cli.Wrap(path)
            .WithArguments(a => a.Add("--endpoint-url").Add(endpoint.ToString()).Add("--region").Add(region)
                .Add("--output").Add("json").Add("--no-cli-pager").Add(arguments))
            .WithEnvironmentVariables(e => e
                .Set("AWS_ACCESS_KEY_ID", identity.AccessKeyId)
                .Set("AWS_SECRET_ACCESS_KEY", identity.SecretAccessKey)
                .Set("AWS_CONFIG_FILE", empty)
                .Set("AWS_SHARED_CREDENTIALS_FILE", empty)
                .Set("AWS_PAGER", "")
                .Set("AWS_PROFILE", null)
                .Set("AWS_SESSION_TOKEN", null)
                .Set("AWS_DEFAULT_REGION", null)
                .Set("AWS_ENDPOINT_URL", null))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(Timeout(60));
        var text = string.IsNullOrWhiteSpace(result.StandardOutput) ? "{}" : result.StandardOutput;
        using var document = JsonDocument.Parse(result.ExitCode == 0 ? text : "{}");
        return (document.RootElement.Clone(), result.StandardError, result.ExitCode);
    }

    /// <summary>A token that stops the process after so many seconds.</summary>
    private static CancellationToken Timeout(int seconds) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;
}
