using System.Security.Cryptography;
using System.Text;

namespace LakehouseManager.Catalog.Local;

/// <summary>
/// Commit hashes: SHA-256 (64 hex digits, Nessie's longest form) over the catalog's repository id, the commit's id
/// (a counter, so two commits with equal content still differ), its parents, author, time, message and operations.
/// </summary>
internal static class CommitHasher
{
    /// <summary>UTF-8 that refuses unpaired surrogates, so a stored SQL text is always the text that was given.</summary>
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Compute(
        string repositoryId,
        long commitId,
        IEnumerable<string> parentHashes,
        string author,
        DateTimeOffset time,
        string message,
        IEnumerable<string> operations)
    {
        var text = new StringBuilder()
            .Append("repository ").Append(repositoryId).Append('\n')
            .Append("id ").Append(commitId).Append('\n');
        foreach (var parent in parentHashes)
        {
            text.Append("parent ").Append(parent).Append('\n');
        }

        text.Append("author ").Append(author).Append('\n')
            .Append("time ").Append(time.UtcDateTime.ToString("O")).Append('\n')
            .Append("message ").Append(message).Append('\n');
        foreach (var operation in operations)
        {
            text.Append("op ").Append(operation).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
