using LakehouseManager.Pipeline.Testing;
using LakehouseManager.Tests.Support;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace LakehouseManager.Tests.Deployment;

/// <summary>
/// examples/github-actions.yml and examples/gitlab-ci.yml parse as YAML and hold what the README promises: Sync and
/// RunDataTests of ./build.sh, the PAT from the CI's secret store (never a value in the file), and the JUnit report
/// published from where RunDataTests writes it, the way each CI expects.
/// </summary>
public sealed class CiExamplesTests
{
    /// <summary>Where RunDataTests puts its reports, relative to the artifacts folder.</summary>
    private static string ReportFolder { get; } =
        Path.GetRelativePath("/r", Path.GetDirectoryName(DataTestReportFiles.In("/r").JUnitPath)!).Replace('\\', '/');

    private static YamlMappingNode Load(string name)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(BuildProcess.RepositoryRoot, "examples", name));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlNode At(YamlNode node, params object[] path)
    {
        foreach (var step in path)
        {
            node = step is int index ? ((YamlSequenceNode)node)[index] : ((YamlMappingNode)node).Children[new YamlScalarNode((string)step)];
        }

        return node;
    }

    private static string Text(YamlNode node, params object[] path) => ((YamlScalarNode)At(node, path)).Value!;

    [Fact]
    public void The_GitHub_workflow_syncs_tests_and_publishes_the_JUnit_report_with_the_PAT_from_secrets()
    {
        var workflow = Load("github-actions.yml");
        var job = (YamlMappingNode)At(workflow, "jobs", "sync-and-test");
        var steps = ((YamlSequenceNode)At(job, "steps")).Cast<YamlMappingNode>().ToList();
        var runs = steps.Where(s => s.Children.ContainsKey(new YamlScalarNode("run"))).Select(s => Text(s, "run")).ToList();
        var junit = steps.Single(s => s.Children.TryGetValue(new YamlScalarNode("uses"), out var uses) && ((YamlScalarNode)uses).Value!.StartsWith("mikepenz/action-junit-report@", StringComparison.Ordinal));
        var artifacts = Text(job, "env", "ARTIFACTS_PATH");

        Assert.True(((YamlMappingNode)At(workflow, "on")).Children.ContainsKey(new YamlScalarNode("pull_request")));
        Assert.Equal("write", Text(workflow, "permissions", "contents"));
        Assert.Equal("write", Text(workflow, "permissions", "checks"));
        Assert.Contains(runs, r => r.Contains("build.sh Sync ", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.Contains("build.sh RunDataTests ", StringComparison.Ordinal));
        Assert.Equal("${{ secrets.DREMIO_PAT }}", Text(job, "env", "DREMIO_PAT"));
        Assert.Equal("0", Text(steps[0], "with", "fetch-depth"));
        Assert.Equal("always()", Text(junit, "if"));
        Assert.Equal($"{artifacts}/{ReportFolder}/*.xml", Text(junit, "with", "report_paths"));
    }

    [Fact]
    public void The_GitLab_job_syncs_tests_and_hands_GitLab_the_JUnit_report_with_the_PAT_from_CI_variables()
    {
        var pipeline = Load("gitlab-ci.yml");
        var job = (YamlMappingNode)At(pipeline, "lakehouse-manager");
        var script = ((YamlSequenceNode)At(job, "script")).Select(c => ((YamlScalarNode)c).Value!).ToList();
        var variables = (YamlMappingNode)At(job, "variables");
        var artifacts = Text(variables, "ARTIFACTS_PATH").Replace("$CI_PROJECT_DIR/", "", StringComparison.Ordinal);

        Assert.Contains(script, c => c.Contains("build.sh Sync ", StringComparison.Ordinal));
        Assert.Contains(script, c => c.Contains("build.sh RunDataTests ", StringComparison.Ordinal));
        Assert.Equal("$CI_PIPELINE_SOURCE == \"merge_request_event\"", Text(job, "rules", 0, "if"));
        Assert.Equal("0", Text(variables, "GIT_DEPTH"));
        Assert.False(variables.Children.ContainsKey(new YamlScalarNode("DREMIO_PAT")), "the PAT comes from the project's CI/CD variables, never from the file");
        Assert.Equal("always", Text(job, "artifacts", "when"));
        Assert.Equal($"{artifacts}/{ReportFolder}/{Path.GetFileName(DataTestReportFiles.In("/r").JUnitPath)}", Text(job, "artifacts", "reports", "junit"));
        Assert.Contains(((YamlSequenceNode)At(job, "before_script")).Select(c => ((YamlScalarNode)c).Value!), c => c.Contains(".git/info/exclude", StringComparison.Ordinal));
    }
}
