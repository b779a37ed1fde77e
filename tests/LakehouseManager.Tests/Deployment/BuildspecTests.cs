using CliWrap;
using CliWrap.Buffered;
using LakehouseManager.Pipeline.Testing;
using LakehouseManager.Tests.Support;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace LakehouseManager.Tests.Deployment;

/// <summary>
/// buildspec.yml as CodeBuild reads it (YAML, version 0.2), and its commands run in bash as CodeBuild runs them, with
/// a stand-in tool that records its arguments.
/// </summary>
public sealed class BuildspecTests
{
    private static YamlMappingNode Buildspec()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(BuildProcess.RepositoryRoot, "buildspec.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static string Scalar(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            node = ((YamlMappingNode)node).Children[new YamlScalarNode(key)];
        }

        return ((YamlScalarNode)node).Value!;
    }

    private static IReadOnlyList<string> Commands(YamlMappingNode buildspec, string phase) =>
        ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)buildspec.Children[new YamlScalarNode("phases")]).Children[new YamlScalarNode(phase)])
            .Children[new YamlScalarNode("commands")]).Children.Select(c => ((YamlScalarNode)c).Value!).ToList();

    [Fact]
    public void It_is_version_0_2_with_the_git_credential_helper_and_a_JUnit_report_group_on_the_data_test_reports()
    {
        var buildspec = Buildspec();

        Assert.Equal("0.2", Scalar(buildspec, "version"));
        Assert.Equal("yes", Scalar(buildspec, "env", "git-credential-helper"));
        Assert.Equal("HandlePullRequestEvent", Scalar(buildspec, "env", "variables", "LAKEHOUSE_TARGET"));
        Assert.Equal("JUNITXML", Scalar(buildspec, "reports", "data-tests", "file-format"));
        Assert.Equal(
            Path.GetRelativePath("/src", Path.GetDirectoryName(DataTestReportFiles.In("/src/.lakehouse-artifacts").JUnitPath)!).Replace('\\', '/'),
            Scalar(buildspec, "reports", "data-tests", "base-directory"));
    }

    [Fact(Timeout = 60_000)]
    public async Task Its_commands_run_the_tool_on_the_checkout_with_the_reports_where_the_report_group_reads_them()
    {
        using var temp = new TempDirectory();
        var source = temp.Combine("src");
        await Cli.Wrap("git").WithArguments(["init", "--quiet", source]).ExecuteBufferedAsync();
        var tool = temp.Combine("lakehouse-manager");
        var recorded = temp.Combine("arguments.txt");
        await File.WriteAllTextAsync(tool, $"#!/bin/bash\nprintf '%s\\n' \"$@\" > '{recorded}'\n");
        await Cli.Wrap("chmod").WithArguments(["+x", tool]).ExecuteBufferedAsync();
        var buildspec = Buildspec();

        foreach (var phase in new[] { "install", "pre_build", "build" })
        {
            foreach (var command in Commands(buildspec, phase))
            {
                var result = await Cli.Wrap("bash").WithArguments(["-c", command])
                    .WithEnvironmentVariables(e => e
                        .Set("CODEBUILD_SRC_DIR", source)
                        .Set("LAKEHOUSE_MANAGER", tool)
                        .Set("LAKEHOUSE_TARGET", Scalar(buildspec, "env", "variables", "LAKEHOUSE_TARGET")))
                    .WithValidation(CommandResultValidation.None)
                    .ExecuteBufferedAsync();
                Assert.True(result.ExitCode == 0, $"{phase}: {result.StandardError}");
            }
        }

        var arguments = await File.ReadAllLinesAsync(recorded);
        Assert.Equal(
            ["HandlePullRequestEvent", "--root", "/tmp/lakehouse-root", "--repo-path", source, "--artifacts-path",
             $"{source}/.lakehouse-artifacts", "--pr-host", "codecommit"],
            arguments);
        Assert.Contains("/.lakehouse-artifacts/", await File.ReadAllTextAsync(Path.Combine(source, ".git", "info", "exclude")), StringComparison.Ordinal);
        Assert.True(Directory.Exists("/tmp/lakehouse-root/.nuke"));
    }

    [Fact(Timeout = 60_000)]
    public async Task Without_a_tool_or_its_bundle_the_install_phase_fails_saying_what_to_set()
    {
        var install = Commands(Buildspec(), "install").Single();

        var result = await Cli.Wrap("bash").WithArguments(["-c", install])
            .WithEnvironmentVariables(e => e.Set("LAKEHOUSE_MANAGER", null).Set("LAKEHOUSE_MANAGER_URL", null))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Set LAKEHOUSE_MANAGER_URL", result.StandardError, StringComparison.Ordinal);
    }
}
