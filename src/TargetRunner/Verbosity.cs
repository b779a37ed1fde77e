namespace TargetRunner;

/// <summary>How much the build logs (<c>--verbosity</c>).</summary>
public enum Verbosity
{
    /// <summary>Errors only.</summary>
    Quiet,

    /// <summary>Warnings and errors.</summary>
    Minimal,

    /// <summary>Information, warnings and errors (the default).</summary>
    Normal,

    /// <summary>Everything, including debug and verbose messages.</summary>
    Verbose,
}
