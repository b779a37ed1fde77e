using System.Security.Cryptography;
using System.Text;

namespace LakehouseManager.PullRequests;

/// <summary>
/// The idempotency token of a post, made from what the post answers (the pull request, the command comment, the
/// catalog and git commits...), never from its text: a retried or replayed run posts with the same token, and the
/// host returns the first post instead of a second one (CodeCommit's <c>clientRequestToken</c>). 32 hex digits.
/// </summary>
internal static class IdempotencyToken
{
    public static string For(params string?[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var text = string.Join("\u001f", parts.Select(p => p ?? "\u2205"));
        return "lhm-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }
}
