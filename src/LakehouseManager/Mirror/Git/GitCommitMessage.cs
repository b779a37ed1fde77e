using System.Text;

namespace LakehouseManager.Mirror.Git;

/// <summary>Composes commit messages whose trailers git's parser (<c>%(trailers)</c>) reads back reliably.</summary>
internal static class GitCommitMessage
{
    /// <summary>
    /// <c>subject</c>, a blank line, the body (if any), a blank line, then the trailers as the last paragraph. The
    /// subject is one line; blank lines inside the body are kept, runs of them collapsed as git would.
    /// </summary>
    public static string Compose(string subject, string? body, IEnumerable<GitTrailer> trailers)
    {
        ArgumentNullException.ThrowIfNull(trailers);
        if (string.IsNullOrWhiteSpace(subject) || subject.Contains('\n', StringComparison.Ordinal) ||
            subject.Contains('\r', StringComparison.Ordinal))
        {
            throw new LakehouseException($"Invalid commit subject '{subject}': it must be one non-empty line.");
        }

        var builder = new StringBuilder(subject.Trim()).Append('\n');
        var bodyText = body?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n');
        if (!string.IsNullOrWhiteSpace(bodyText))
        {
            builder.Append('\n').Append(bodyText).Append('\n');
        }

        var trailerList = trailers.ToList();
        if (trailerList.Count > 0)
        {
            // The trailers must be a paragraph of their own: git only parses the last paragraph, and only when every
            // line of it is a trailer (a body line ending up in it would hide them).
            builder.Append('\n');
            foreach (var trailer in trailerList)
            {
                builder.Append(trailer.Key).Append(": ").Append(trailer.Value).Append('\n');
            }
        }

        return builder.ToString();
    }
}
