namespace LakehouseManager.Mirror.Git;

/// <summary>
/// A git operation failed. The message says which operation, in which repository, and quotes git's standard error
/// (with sensitive values redacted), or says plainly why git could not run at all.
/// </summary>
internal sealed class GitException : LakehouseException
{
    public GitException(
        string operation,
        string repository,
        string detail,
        int? exitCode = null,
        Exception? innerException = null)
        : this(Describe(operation, repository, detail, exitCode), operation, repository, detail, exitCode, innerException)
    {
    }

    private GitException(
        string message, string operation, string repository, string detail, int? exitCode, Exception? innerException)
        : base(message, isFatal: true, innerException)
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

    /// <summary>The git executable could not be started: it is not installed, or not where the options say.</summary>
    internal static GitException NotFound(string operation, string repository, string gitPath, Exception innerException)
    {
        var (detail, remedy) = gitPath == "git"
            ? ("no program named 'git' is on PATH", "and put it on PATH")
            : ($"'{gitPath}' does not exist or is not a program", "or set the path to it");
        return new GitException(
            $"git was not found: {detail}. Install git (2.25 or later), {remedy}, then run again.",
            operation,
            repository,
            detail,
            exitCode: null,
            innerException);
    }

    /// <summary>
    /// What failed, in our words; git's own text (when git ran to an end) only as a quoted cause, so the sentence stays
    /// ours: <c>git push origin dev failed in '/x' (exit code 1); git said: 'fatal: ...'</c>.
    /// </summary>
    private static string Describe(string operation, string repository, string detail, int? exitCode)
    {
        var text = detail.Trim();
        var what = $"git {operation} failed in '{repository}'";
        return exitCode is null ? $"{what}: {text}"
            : text.Length == 0 ? $"{what} (exit code {exitCode}), and git gave no error output."
            : $"{what} (exit code {exitCode}); {QuotedCause.Of("git", text)}";
    }
}
