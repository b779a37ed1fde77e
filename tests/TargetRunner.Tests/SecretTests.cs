using TargetRunner.Tests.Support;

namespace TargetRunner.Tests;

public sealed class SecretTests : IDisposable
{
    private const string Secret = "dremio-pat-9f8e7d6c5b4a";

    private readonly BuildHarness _harness = new();

    [Fact(Timeout = 60_000)]
    public async Task A_secret_appears_nowhere_in_the_output_of_a_run_that_logs_prints_throws_and_reports_it()
    {
        _harness.Environment["DREMIO_PAT"] = Secret;

        var result = await _harness.RunAsync<SecretBuild>("Leak", "Fail", "--verbosity", "verbose");

        Assert.Equal(-1, result.ExitCode);
        Assert.Equal(["Leak", "Fail"], result.Events);
        Assert.DoesNotContain(Secret, result.Output);
        Assert.Contains("[INF] logged ***", result.Output);
        Assert.Contains("console ***", result.Output);
        Assert.Contains("stderr ***", result.Output);
        Assert.Contains("pieces ***", result.Output);
        Assert.Contains("Parameter DremioPat = *** (from environment variable DREMIO_PAT)", result.Output);
        Assert.Contains("// Token: ***", result.Output);
        Assert.Contains("// rejected token ***", result.Output);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_secret_from_the_command_line_or_the_parameters_file_is_masked_too()
    {
        _harness.WriteParameters("parameters.json", $$"""{ "OtherSecret": "{{Secret}}-file" }""");

        var result = await _harness.RunAsync<SecretBuild>("Leak", "--dremio-pat", Secret);

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain(Secret, result.Output);
        Assert.Contains("other ***", result.Output);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_secret_that_fails_to_convert_is_not_echoed_in_the_error()
    {
        var result = await _harness.RunAsync<SecretBuild>("Leak", "--secret-number", "12ab34cd");

        Assert.Equal(-1, result.ExitCode);
        Assert.DoesNotContain("12ab34cd", result.Output);
        Assert.Contains("Cannot convert value '***' of parameter 'SecretNumber'", result.Output);
    }

    [Fact(Timeout = 60_000)]
    public async Task Help_never_shows_the_default_value_of_a_secret()
    {
        var result = await _harness.RunAsync<SecretBuild>("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("built-in-default-secret", result.Output);
    }

    public void Dispose() => _harness.Dispose();

    private sealed class SecretBuild : NukeBuild
    {
        [Parameter("Dremio personal access token")]
        [Secret]
        private readonly string? DremioPat;

        [Parameter]
        [Secret]
        private readonly string OtherSecret = "built-in-default-secret";

        [Parameter]
        [Secret]
        private readonly int? SecretNumber;

        private Target Leak => _ => _.Executes(() =>
        {
            Ambient.Record("Leak");
            Log.Information("logged {Token}", DremioPat);
            Console.WriteLine($"console {DremioPat}");
            Console.Error.WriteLine($"stderr {DremioPat}");
            Console.Write("pieces " + DremioPat![..5]);
            Console.Out.Flush();
            Console.Write(DremioPat[5..]);
            Console.WriteLine();
            Console.WriteLine($"other {OtherSecret}");
            ReportSummary(_ => _.AddPair("Token", DremioPat));
        });

        private Target Fail => _ => _.After(Leak).Executes(() =>
        {
            Ambient.Record("Fail");
            throw new InvalidOperationException($"rejected token {DremioPat}");
        });
    }
}
