namespace LakehouseManager.Deployment;

/// <summary>
/// One environment variable of the CodeBuild project: the tool's parameter it binds (its upper-case name, e.g.
/// <c>REPO_NAME</c> binds <c>--repo-name</c>), the template parameter that gives its value (null: the template
/// computes it) and, for Deploy, its value in <see cref="StackSettings"/> (null or empty: not set).
/// </summary>
public sealed record StackVariable(string Name, string? TemplateParameter, Func<StackSettings, string?> Value);
