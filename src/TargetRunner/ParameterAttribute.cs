namespace TargetRunner;

/// <summary>
/// Marks a field or property of the build as a parameter, bound (highest first) from <c>--kebab-case</c> arguments,
/// environment variables and <c>.nuke/parameters.json</c> (plus profiles). The initializer value is the default.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ParameterAttribute : Attribute
{
    public ParameterAttribute(string? description = null)
    {
        Description = description;
    }

    /// <summary>The text shown by <c>--help</c>.</summary>
    public string? Description { get; }

    /// <summary>Overrides the member name as the parameter's name (CLI, environment and parameters file).</summary>
    public string? Name { get; set; }

    /// <summary>For arrays: the separator between values in a single token (default: values are separate tokens).</summary>
    public string? Separator { get; set; }

    /// <summary>Whether <c>--help</c> lists the parameter (Nuke's <c>List</c>).</summary>
    public bool List { get; set; } = true;
}
