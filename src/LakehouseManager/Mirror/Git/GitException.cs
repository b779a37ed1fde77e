namespace LakehouseManager.Mirror.Git;

/// <summary>
/// A git operation failed. The message says which operation, in which repository, and quotes git's standard error
/// (with sensitive values redacted).
/// </summary>
public sealed class GitException : LakehouseException
{
    public GitException(
        string operation,
        string repository,
        string detail,
        int? exitCode = null,
        Exception? innerException = null)
        : base(Describe(operation, repository, detail, exitCode), isFatal: true, innerException)
    {
        Operation = operation;
        Repository = repository;
        Detail = detail;
        ExitCode = exitCode;
    }

    /// <summary>The git operation, e.g. <c>push origin dev</c>.</summary>
    public string Operation { get; }

    /// <summary>The repository's working directory (or bare directory).</summary>
    public string Repository { get; }

    /// <summary>git's standard error, or why the operation could not run.</summary>
    public string Detail { get; }

    /// <summary>git's exit code, when it ran to an end.</summary>
    public int? ExitCode { get; }

    private static string Describe(string operation, string repository, string detail, int? exitCode)
    {
        var code = exitCode is null ? string.Empty : $" (exit code {exitCode})";
        var text = detail.Trim();
        return $"git {operation} failed in '{repository}'{code}: {(text.Length == 0 ? "git gave no error output." : text)}";
    }
}
