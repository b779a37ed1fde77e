namespace LakehouseManager.Fakes.CodeCommit;

/// <summary>An error the fake answers with, as JSON 1.1 <c>{"__type","message"}</c>; client errors are HTTP 400.</summary>
internal sealed class CodeCommitFakeError(string code, string message, int status = 400) : Exception(message)
{
    public string Code { get; } = code;

    public int Status { get; } = status;
}
