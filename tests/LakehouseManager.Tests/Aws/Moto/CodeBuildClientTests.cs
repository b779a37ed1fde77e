using System.Text.Json;
using LakehouseManager.Aws;
using LakehouseManager.Aws.CodeBuild;
using LakehouseManager.Aws.CodeBuild.Operations;
using LakehouseManager.Tests.Aws.Botocore;
using Xunit;

namespace LakehouseManager.Tests.Aws.Moto;

/// <summary>CodeBuild projects and builds against moto; every request checked against botocore's CodeBuild model.</summary>
[Collection(nameof(MotoCollection))]
public sealed class CodeBuildClientTests(MotoServer moto)
{
    [Fact(Timeout = 30_000)]
    public async Task A_project_is_created_and_read_back()
    {
        using var recorder = new RecordingHandler();
        using var client = new CodeBuildClient(moto.Connection(recorder));
        var name = $"lakehouse-{Guid.NewGuid():N}";

        var created = await client.CreateProjectAsync(Project(name));
        var read = await client.BatchGetProjectsAsync([name, "no-such-project"]);

        var project = Assert.Single(read.Projects);
        Assert.Equal(name, created.Name);
        Assert.Equal($"arn:aws:codebuild:us-east-1:123456789012:project/{name}", project.Arn);
        Assert.Equal("CODECOMMIT", project.Source.Type);
        Assert.Equal("https://git-codecommit.us-east-1.amazonaws.com/v1/repos/mirror", project.Source.Location);
        Assert.Equal(("LINUX_CONTAINER", "aws/codebuild/standard:7.0"), (project.Environment.Type, project.Environment.Image));
        Assert.Equal("arn:aws:iam::123456789012:role/lakehouse-manager-build", project.ServiceRole);
        await AssertRequestsConformAsync(recorder);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_build_starts_with_the_pull_requests_variables_and_its_phases_are_followed()
    {
        using var recorder = new RecordingHandler();
        using var client = new CodeBuildClient(moto.Connection(recorder));
        var name = $"lakehouse-{Guid.NewGuid():N}";
        await client.CreateProjectAsync(Project(name));

        var started = await client.StartBuildAsync(new StartBuildRequest(name)
        {
            SourceVersion = "0123456789abcdef0123456789abcdef01234567",
            EnvironmentVariablesOverride = [new("PULL_REQUEST_ID", "42"), new("REPOSITORY_NAME", "mirror")],
        });
        var followed = await client.BatchGetBuildsAsync([started.Id!]);

        Assert.StartsWith($"{name}:", started.Id, StringComparison.Ordinal);
        Assert.Equal(CodeBuildBuild.InProgress, started.BuildStatus);
        Assert.Equal(["SUBMITTED", "QUEUED"], started.Phases.Select(p => p.PhaseType));
        Assert.Equal("0123456789abcdef0123456789abcdef01234567", started.SourceVersion);
        var build = Assert.Single(followed.Builds);
        Assert.Equal(CodeBuildBuild.Succeeded, build.BuildStatus);
        Assert.Equal("COMPLETED", build.CurrentPhase);
        Assert.Equal(["SUBMITTED", "QUEUED", "PROVISIONING", "DOWNLOAD_SOURCE", "INSTALL", "PRE_BUILD", "BUILD", "POST_BUILD",
            "UPLOAD_ARTIFACTS", "FINALIZING", "COMPLETED"], build.Phases.Select(p => p.PhaseType));
        Assert.All(build.Phases, p => Assert.Equal("SUCCEEDED", p.PhaseStatus));
        Assert.NotNull(build.EndTime);
        await AssertRequestsConformAsync(recorder);
        using var startBody = JsonDocument.Parse(recorder.Requests.Single(r => r.Headers["X-Amz-Target"].EndsWith(".StartBuild", StringComparison.Ordinal)).Body);
        Assert.True(Guid.TryParse(startBody.RootElement.GetProperty("idempotencyToken").GetString(), out _));
        Assert.Equal("PULL_REQUEST_ID", startBody.RootElement.GetProperty("environmentVariablesOverride")[0].GetProperty("name").GetString());
    }

    [Fact(Timeout = 30_000)]
    public async Task Starting_a_build_of_a_missing_project_names_it()
    {
        using var client = new CodeBuildClient(moto.Connection());

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.StartBuildAsync(new StartBuildRequest("no-such-project")));

        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
        Assert.StartsWith("CodeBuild StartBuild failed with ResourceNotFoundException (HTTP 400)", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task UpdateProject_sends_the_models_members_though_moto_does_not_implement_it()
    {
        using var recorder = new RecordingHandler();
        using var client = new CodeBuildClient(moto.Connection(recorder));
        var name = $"lakehouse-{Guid.NewGuid():N}";
        await client.CreateProjectAsync(Project(name));

        // moto 5.2.1 has no UpdateProject: it answers HTTP 500, which is retried once, then reported.
        var error = await Assert.ThrowsAsync<AwsServiceException>(
            () => client.UpdateProjectAsync(Project(name) with { Description = "updated", TimeoutInMinutes = 20 }));

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.StartsWith("CodeBuild failed on UpdateProject (500, HTTP 500) after every retry", error.Message, StringComparison.Ordinal);
        await AssertRequestsConformAsync(recorder);
    }

    private static CodeBuildProject Project(string name) => new(
        name,
        new CodeBuildProjectSource("CODECOMMIT", "https://git-codecommit.us-east-1.amazonaws.com/v1/repos/mirror", "buildspec.yml"),
        new CodeBuildProjectArtifacts("NO_ARTIFACTS"),
        new CodeBuildProjectEnvironment("LINUX_CONTAINER", "aws/codebuild/standard:7.0", "BUILD_GENERAL1_SMALL")
        {
            EnvironmentVariables = [new("DREMIO_PAT", "lakehouse/pat:PAT", CodeBuildEnvironmentVariable.SecretsManager)],
        },
        "arn:aws:iam::123456789012:role/lakehouse-manager-build")
    {
        Description = "Lakehouse Manager",
        TimeoutInMinutes = 30,
        Tags = [new("app", "lakehouse-manager")],
        LogsGroupName = "/lakehouse-manager/builds",
    };

    private static async Task AssertRequestsConformAsync(RecordingHandler recorder)
    {
        var model = await BotocoreModels.LoadAsync("codebuild");
        var problems = recorder.Requests.SelectMany(r =>
        {
            using var body = JsonDocument.Parse(r.Body);
            return model.ValidateInput(r.Headers["X-Amz-Target"].Split('.')[1], body.RootElement);
        });
        Assert.Empty(problems);
    }
}
