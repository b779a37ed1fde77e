namespace TargetRunner.Parameters;

/// <summary>
/// The parameters every build has, with Nuke's names and help texts. <c>Target</c>, <c>Skip</c>, <c>Help</c>,
/// <c>Plan</c> and <c>Root</c> describe one invocation and bind from the command line only.
/// </summary>
internal sealed class BuiltInParameters
{
    public static readonly string[] CommandLineOnly = [nameof(Target), nameof(Skip), nameof(Help), nameof(Plan), nameof(Root)];

    [Parameter("List of targets to be invoked. Default is '{default_target}'")]
    public string[]? Target { get; set; }

    [Parameter("List of targets to be skipped. Empty list skips all dependencies")]
    public string[]? Skip { get; set; }

    [Parameter("Shows the help text for this build assembly")]
    public bool Help { get; set; }

    [Parameter("Shows the execution plan (text)")]
    public bool Plan { get; set; }

    [Parameter("Host for execution. Default is 'automatic'")]
    public string? Host { get; set; }

    [Parameter("Root directory during build execution")]
    public string? Root { get; set; }

    [Parameter("Defines the profiles to load")]
    public string[]? Profile { get; set; }

    [Parameter("Logging verbosity during build execution. Default is 'Normal'")]
    public Verbosity Verbosity { get; set; } = Verbosity.Normal;

    [Parameter("Disables displaying the logo")]
    public bool NoLogo { get; set; }
}
