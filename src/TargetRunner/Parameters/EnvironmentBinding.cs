namespace TargetRunner.Parameters;

/// <summary>Which environment variables may set a parameter.</summary>
internal enum EnvironmentBinding
{
    /// <summary>The exact member name, else <c>&lt;name&gt;</c> or <c>NUKE&lt;name&gt;</c> compared leniently (a build's parameters).</summary>
    Any,

    /// <summary>
    /// Only <c>NUKE&lt;name&gt;</c> compared leniently (<c>NUKE_HOST</c>): for built-ins whose bare names (<c>HOST</c>,
    /// <c>PROFILE</c>, <c>VERBOSITY</c>) other tools set for their own purposes.
    /// </summary>
    NukePrefixOnly,

    /// <summary>No variable: the parameter describes one invocation (<c>--target</c>, <c>--help</c>).</summary>
    None,
}
