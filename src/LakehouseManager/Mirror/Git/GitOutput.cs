using System.Text;

namespace LakehouseManager.Mirror.Git;

/// <summary>
/// How one git call ended: its exit code, its standard output as raw bytes (a blob must not go through a text decoder)
/// and its standard error as text, with sensitive values already redacted.
/// </summary>
internal sealed record GitOutput(int ExitCode, ReadOnlyMemory<byte> Bytes, string StandardError)
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Standard output decoded as UTF-8 (git runs with <c>core.quotepath=off</c>, so paths come back raw).</summary>
    public string StandardOutput => s_utf8.GetString(Bytes.Span);

    /// <summary>Standard output split into its NUL-terminated records (git's <c>-z</c> output).</summary>
    public List<string> Records()
    {
        var records = StandardOutput.Split('\0');

        // The output ends with a terminator, which leaves one empty string at the end.
        return records.Length > 0 && records[^1].Length == 0 ? [.. records[..^1]] : [.. records];
    }
}
