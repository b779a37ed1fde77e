using TargetRunner.Hosts;
using TargetRunner.Tests.Support;

namespace TargetRunner.Tests;

public sealed class HostTests : IDisposable
{
    private readonly BuildHarness _harness = new();

    [Fact(Timeout = 60_000)]
    public async Task AWS_CodeBuild_is_detected_with_its_branch_commit_and_build_url()
    {
        _harness.Environment["CODEBUILD_BUILD_ID"] = "lakehouse:1234";
        _harness.Environment["CODEBUILD_SOURCE_VERSION"] = "refs/heads/dev";
        _harness.Environment["CODEBUILD_RESOLVED_SOURCE_VERSION"] = "0123abcd";
        _harness.Environment["CODEBUILD_BUILD_URL"] = "https://console.aws.example/codebuild/1234";

        var result = await _harness.RunAsync<HostBuild>("Show");

        var host = Assert.IsType<AwsCodeBuild>(((HostBuild)result.Build!).SeenHost);
        Assert.Equal(("dev", "0123abcd", "https://console.aws.example/codebuild/1234"), (host.Branch, host.Commit, host.BuildUrl));
        Assert.Equal(["server", "Release"], result.Events);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_generic_CI_is_detected_by_CI_true_and_gets_plain_headers_without_colours()
    {
        _harness.Environment["CI"] = "true";
        _harness.IsConsole = true;

        var result = await _harness.RunAsync<HostBuild>("Show");

        Assert.IsType<GenericCi>(((HostBuild)result.Build!).SeenHost);
        Assert.Contains("=== Show ===", result.Output);
        Assert.DoesNotContain("║", result.Output);
        Assert.DoesNotContain("\u001b[", result.Output);
    }

    [Fact(Timeout = 60_000)]
    public async Task Without_CI_markers_the_host_is_the_terminal_and_the_build_is_local()
    {
        var result = await _harness.RunAsync<HostBuild>("Show");

        Assert.IsType<Terminal>(((HostBuild)result.Build!).SeenHost);
        Assert.Equal(["local", "Debug"], result.Events);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_host_argument_forces_a_host()
    {
        _harness.Environment["CI"] = "true";

        var result = await _harness.RunAsync<HostBuild>("Show", "--host", "terminal");

        Assert.IsType<Terminal>(((HostBuild)result.Build!).SeenHost);
    }

    [Fact(Timeout = 60_000)]
    public async Task An_unknown_host_fails_and_lists_the_hosts()
    {
        var result = await _harness.RunAsync<HostBuild>("Show", "--host", "Jenkins");

        Assert.Equal(-1, result.ExitCode);
        Assert.Contains("Host 'Jenkins' does not exist. Available hosts are: AwsCodeBuild, GenericCi, Terminal.", result.Output);
    }

    [Fact(Timeout = 60_000)]
    public async Task Colours_are_used_on_a_terminal_console_unless_NO_COLOR_is_set()
    {
        _harness.IsConsole = true;

        var coloured = await _harness.RunAsync<HostBuild>("Show");
        _harness.Environment["NO_COLOR"] = "1";
        var plain = await _harness.RunAsync<HostBuild>("Show");

        Assert.Contains("\u001b[32m", coloured.Output);
        Assert.DoesNotContain("\u001b[", plain.Output);
    }

    public void Dispose() => _harness.Dispose();

    private sealed class HostBuild : NukeBuild
    {
        // Field initializers run after host detection, as in Nuke's template.
        [Parameter]
        private readonly string Configuration = IsLocalBuild ? "Debug" : "Release";

        public Host? SeenHost { get; private set; }

        private Target Show => _ => _.Executes(() =>
        {
            SeenHost = Host;
            Ambient.Capture(this);
            Ambient.Record(IsServerBuild ? "server" : "local");
            Ambient.Record(Configuration);
        });
    }
}
