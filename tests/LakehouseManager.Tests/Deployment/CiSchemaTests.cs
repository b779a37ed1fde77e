using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using LakehouseManager.Tests.Support;
using Xunit;

namespace LakehouseManager.Tests.Deployment;

/// <summary>
/// examples/github-actions.yml and examples/gitlab-ci.yml validate against the JSON schemas SchemaStore publishes for
/// GitHub workflows and GitLab CI files (the ones editors check them with; see TestData/CiSchemas/README.md for where
/// each copy comes from), and a broken copy of each example is refused, so the check can fail.
/// </summary>
public sealed class CiSchemaTests
{
    private static readonly Lazy<JsonSchema> s_gitHubWorkflow = new(() => LoadSchema("github-workflow.json"));
    private static readonly Lazy<JsonSchema> s_gitLabCi = new(() => LoadSchema("gitlab-ci.json"));

    private static JsonSchema LoadSchema(string name) =>
        JsonSchema.FromText(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "CiSchemas", name)),
            new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    private static string Example(string name) => File.ReadAllText(Path.Combine(BuildProcess.RepositoryRoot, "examples", name));

    private static List<string> Errors(JsonSchema schema, JsonNode? instance)
    {
        using var document = JsonDocument.Parse(instance?.ToJsonString() ?? "null");
        var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .ToList();
        return results.IsValid ? [] : errors.DefaultIfEmpty("invalid, with no detail").ToList();
    }

    [Fact]
    public void The_GitHub_Actions_example_is_a_valid_workflow()
    {
        Assert.Empty(Errors(s_gitHubWorkflow.Value, YamlToJson.Convert(Example("github-actions.yml"))));
    }

    [Fact]
    public void The_GitLab_CI_example_is_a_valid_pipeline()
    {
        Assert.Empty(Errors(s_gitLabCi.Value, YamlToJson.Convert(Example("gitlab-ci.yml"))));
    }

    [Fact]
    public void A_GitHub_workflow_whose_job_has_no_runner_or_a_step_with_both_run_and_uses_is_refused()
    {
        var noRunner = YamlToJson.Convert(Example("github-actions.yml"))!;
        noRunner["jobs"]!["sync-and-test"]!.AsObject().Remove("runs-on");
        var runAndUses = YamlToJson.Convert(Example("github-actions.yml"))!;
        runAndUses["jobs"]!["sync-and-test"]!["steps"]![0]!["run"] = "echo both";

        Assert.Contains(Errors(s_gitHubWorkflow.Value, noRunner), e => e.Contains("runs-on", StringComparison.Ordinal));
        Assert.Contains(Errors(s_gitHubWorkflow.Value, runAndUses), e => e.StartsWith("/jobs/sync-and-test/steps/0", StringComparison.Ordinal));
    }

    [Fact]
    public void A_GitLab_job_with_a_misspelt_keyword_or_a_junit_report_that_is_not_a_path_is_refused()
    {
        var misspelt = YamlToJson.Convert(Example("gitlab-ci.yml"))!;
        var job = misspelt["lakehouse-manager"]!.AsObject();
        var script = job["script"]!.DeepClone();
        job.Remove("script");
        job["scripts"] = script;
        var badReport = YamlToJson.Convert(Example("gitlab-ci.yml"))!;
        badReport["lakehouse-manager"]!["artifacts"]!["reports"]!["junit"] = 42;

        Assert.Contains(Errors(s_gitLabCi.Value, misspelt), e => e.StartsWith("/lakehouse-manager", StringComparison.Ordinal));
        Assert.Contains(Errors(s_gitLabCi.Value, badReport), e => e.StartsWith("/lakehouse-manager/artifacts/reports/junit", StringComparison.Ordinal));
    }
}
