namespace TargetRunner.Parameters;

/// <summary>
/// The parameters every build has, with Nuke's names and help texts. None binds from a bare environment variable:
/// their names are common words that other tools export (OpenSUSE and some containers set <c>HOST</c> to the machine
/// name, nuke-build/nuke#1291). <c>Target</c>, <c>Skip</c>, <c>Help</c>, <c>Plan</c> and <c>Root</c> describe one
/// invocation and bind from the command line only; the others also from <c>NUKE_HOST</c>, <c>NUKE_PROFILE</c>,
/// <c>NUKE_VERBOSITY</c>, <c>NUKE_NO_LOGO</c>.
/// </summary>
internal sealed class BuiltInParameters
{
    private static readonly string[] s_commandLineOnly = [nameof(Target), nameof(Skip), nameof(Help), nameof(Plan), nameof(Root)];

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

    /// <summary>Which environment variables may set the built-in <paramref name="name"/>.</summary>
    public static EnvironmentBinding EnvironmentBindingOf(string name) =>
        s_commandLineOnly.Contains(name) ? EnvironmentBinding.None : EnvironmentBinding.NukePrefixOnly;
}
