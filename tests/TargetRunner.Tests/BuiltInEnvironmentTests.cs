using TargetRunner.Tests.Support;

namespace TargetRunner.Tests;

/// <summary>
/// Built-in parameters never bind from a bare environment variable (OpenSUSE exports HOST, nuke-build/nuke#1291):
/// <c>--host</c>, <c>--profile</c>, <c>--verbosity</c> and <c>--no-logo</c> also bind from <c>NUKE_</c>-prefixed
/// variables; the others from the command line only.
/// </summary>
public sealed class BuiltInEnvironmentTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    [Theory(Timeout = 60_000)]
    [InlineData("HOST", "devbox")]
    [InlineData("Host", "devbox")]
    [InlineData("PROFILE", "/etc/profile")]
    [InlineData("VERBOSITY", "detailed")]
    [InlineData("Verbosity", "Quiet")]
    [InlineData("NO_LOGO", "true")]
    [InlineData("NOLOGO", "1")]
    [InlineData("TARGET", "x86_64-unknown-linux-gnu")]
    [InlineData("SKIP", "all")]
    [InlineData("HELP", "1")]
    [InlineData("PLAN", "1")]
    [InlineData("ROOT", "/nowhere")]
    public async Task A_variable_named_like_a_built_in_without_the_NUKE_prefix_is_ignored(string variable, string value)
    {
        _harness.Environment[variable] = value;

        var result = await _harness.RunAsync<PlainBuild>("Show");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(["Terminal", "plain"], result.Events);
        Assert.StartsWith("TargetRunner: Nuke-style build", result.Output);
        Assert.Contains("[INF] shown", result.Output);
        Assert.DoesNotContain("[WRN]", result.Output);
    }

    [Fact(Timeout = 60_000)]
    public async Task NUKE_HOST_chooses_the_host_even_when_HOST_is_set()
    {
        _harness.Environment["HOST"] = "devbox";
        _harness.Environment["NUKE_HOST"] = "generic-ci";

        var result = await _harness.RunAsync<PlainBuild>("Show");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(["GenericCi", "plain"], result.Events);
    }

    [Fact(Timeout = 60_000)]
    public async Task NUKE_prefixed_variables_set_the_profile_the_verbosity_and_the_logo()
    {
        _harness.WriteParameters("parameters.ci.json", """{ "Flavour": "ci" }""");
        _harness.Environment["NUKE_PROFILE"] = "ci";
        _harness.Environment["NUKE_VERBOSITY"] = "minimal";
        _harness.Environment["nuke_no_logo"] = "true";

        var result = await _harness.RunAsync<PlainBuild>("Show");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(["Terminal", "ci"], result.Events);
        Assert.DoesNotContain("TargetRunner: Nuke-style build", result.Output);
        Assert.DoesNotContain("[INF] shown", result.Output);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_bad_NUKE_prefixed_value_fails_and_names_the_variable()
    {
        _harness.Environment["NUKE_VERBOSITY"] = "detailed";

        var result = await _harness.RunAsync<PlainBuild>("Show");

        Assert.Equal(-1, result.ExitCode);
        Assert.Contains(
            "Cannot convert value 'detailed' of parameter 'Verbosity' (--verbosity, from environment variable NUKE_VERBOSITY): "
            + "valid values are Quiet, Minimal, Normal, Verbose.",
            result.Output);
    }

    public void Dispose() => _harness.Dispose();

    private sealed class PlainBuild : NukeBuild
    {
        [Parameter]
        private readonly string Flavour = "plain";

        private Target Show => _ => _.Executes(() =>
        {
            Ambient.Record(Host.GetType().Name);
            Ambient.Record(Flavour);
            Log.Information("shown");
        });
    }
}
