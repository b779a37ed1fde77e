using System.Text.Json;
using LakehouseManager.Http;

namespace LakehouseManager.Aws.CodeBuild.Operations;

/// <summary><c>CreateProject</c>: a new project (ResourceAlreadyExistsException when the name is taken).</summary>
internal sealed record CreateProjectRequest(CodeBuildProject Project) : IAwsRequest
{
    public string Operation => "CreateProject";

    // No idempotency token: a repeat after a lost answer fails with ResourceAlreadyExistsException, so it is retried
    // only when surely not processed.
    public RetrySafety Safety => RetrySafety.OnlyIfNotProcessed;

    public void WriteMembers(Utf8JsonWriter writer) => Project.WriteMembers(writer);
}

/// <summary><c>UpdateProject</c>: sets every member of the definition on an existing project.</summary>
internal sealed record UpdateProjectRequest(CodeBuildProject Project) : IAwsRequest
{
    public string Operation => "UpdateProject";

    // It sets the project to a given definition: a repeat sets the same again.
    public RetrySafety Safety => RetrySafety.SafeToRepeat;

    public void WriteMembers(Utf8JsonWriter writer) => Project.WriteMembers(writer);
}

/// <summary><c>{project}</c>, for CreateProject and UpdateProject.</summary>
internal sealed record ProjectResponse(CodeBuildProject Project)
{
    public static ProjectResponse Parse(JsonElement json) =>
        new(AwsJson.Object(json, "project", CodeBuildProject.Parse) ?? throw new FormatException("'project' is missing"));
}

/// <summary><c>BatchGetProjects</c> <c>{names}</c>: names or ARNs, up to 100.</summary>
internal sealed record BatchGetProjectsRequest(IReadOnlyList<string> Names) : IAwsRequest
{
    public string Operation => "BatchGetProjects";

    // A read.
    public RetrySafety Safety => RetrySafety.SafeToRepeat;

    public void WriteMembers(Utf8JsonWriter writer) => writer.WriteOptional("names", Names);
}

/// <summary><c>{projects, projectsNotFound}</c>.</summary>
internal sealed record BatchGetProjectsResponse(IReadOnlyList<CodeBuildProject> Projects, IReadOnlyList<string> ProjectsNotFound)
{
    public static BatchGetProjectsResponse Parse(JsonElement json) =>
        new(AwsJson.List(json, "projects", CodeBuildProject.Parse), AwsJson.Strings(json, "projectsNotFound"));
}
