namespace TargetRunner;

/// <summary>
/// A user-facing error of the build itself (unknown target, bad parameter value, unmet requirement, cycle): the
/// runner prints its message without a stack trace and exits non-zero. Targets may throw it for the same purpose.
/// </summary>
public class BuildException : Exception
{
    public BuildException(string message)
        : base(message)
    {
    }

    public BuildException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
