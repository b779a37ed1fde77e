using System.Security.Cryptography;
using System.Text;

namespace LakehouseManager.PullRequests.Local;

/// <summary>
/// The folder of a pull request's comments, named after its id. Branch names may hold <c>/</c>, which becomes
/// <c>%2F</c> so that <c>feature/x..main</c> is one folder; everything else a branch name may hold (letters,
/// digits, <c>. _ -</c>) is safe in a file name everywhere. A very long id is cut and completed by a hash of it, so
/// that the name stays unique and within file-name limits.
/// </summary>
internal static class PullRequestFolderName
{
    private const int MaxLength = 120;

    public static string For(string pullRequestId)
    {
        ArgumentException.ThrowIfNullOrEmpty(pullRequestId);
        var builder = new StringBuilder(pullRequestId.Length);
        foreach (var c in pullRequestId)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')
            {
                builder.Append(c);
            }
            else
            {
                foreach (var b in Encoding.UTF8.GetBytes(c.ToString()))
                {
                    builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        // A leading dot would hide the folder, and hidden names are the temp and lock files' own.
        if (builder.Length > 0 && builder[0] == '.')
        {
            builder.Replace(".", "%2E", 0, 1);
        }

        if (builder.Length <= MaxLength)
        {
            return builder.ToString();
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(pullRequestId)))[..16];
        return string.Concat(builder.ToString().AsSpan(0, MaxLength - hash.Length - 1), "-", hash);
    }
}
