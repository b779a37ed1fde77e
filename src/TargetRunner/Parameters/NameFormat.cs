using System.Text;

namespace TargetRunner.Parameters;

/// <summary>The names a parameter is known by: <c>PullRequestId</c>, <c>--pull-request-id</c>, <c>PULL_REQUEST_ID</c>.</summary>
internal static class NameFormat
{
    /// <summary>Splits a member name into its camel humps: <c>DremioPATSecret</c> gives Dremio, PAT, Secret.</summary>
    public static List<string> Humps(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush(words, current);
                continue;
            }

            var previous = i > 0 ? name[i - 1] : '\0';
            var next = i + 1 < name.Length ? name[i + 1] : '\0';
            var startsWord = char.IsUpper(c) && current.Length > 0
                && (char.IsLower(previous) || char.IsDigit(previous) || char.IsLower(next));
            if (startsWord)
            {
                Flush(words, current);
            }

            current.Append(c);
        }

        Flush(words, current);
        return words;
    }

    public static string ToKebabCase(string name) => string.Join('-', Humps(name)).ToLowerInvariant();

    public static string ToEnvironmentName(string name) => string.Join('_', Humps(name)).ToUpperInvariant();

    /// <summary>The lenient form used to compare names: letters and digits only, upper case.</summary>
    public static string Normalize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static void Flush(List<string> words, StringBuilder current)
    {
        if (current.Length > 0)
        {
            words.Add(current.ToString());
            current.Clear();
        }
    }
}
