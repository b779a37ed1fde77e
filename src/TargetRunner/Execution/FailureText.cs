using System.Text;

namespace TargetRunner.Execution;

/// <summary>
/// The words a failure is reported with: the exception's own message, never its .NET type name (the type and the stack
/// trace are logged at debug level). For each parameter that the message names by its flag (<c>--tests</c>) and whose
/// value did not come from the command line, a sentence says where it came from, so that a value bound silently from
/// the environment (<c>TESTS=nightly</c>) or a parameters file is never a mystery.
/// </summary>
internal static class FailureText
{
    public static string Describe(Exception failure, IReadOnlyList<ParameterOrigin> origins)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var message = failure.Message.Trim();
        if (message.Length == 0)
        {
            message = "it stopped without saying why.";
        }

        return WithOrigins(message, origins);
    }

    /// <summary>The message, followed by where each parameter it names got its value (when not from the command line).</summary>
    public static string WithOrigins(string message, IReadOnlyList<ParameterOrigin> origins)
    {
        ArgumentNullException.ThrowIfNull(origins);
        var builder = new StringBuilder(message);
        foreach (var origin in origins.Where(o => Names(message, o.CliName)))
        {
            builder.Append(builder.Length > 0 && builder[^1] is '.' or '!' or '?' or ')' ? " " : ". ")
                .Append(origin.CliName).Append(" came from ").Append(origin.Source).Append('.');
        }

        return builder.ToString();
    }

    /// <summary>The first line of a message, for one-line places such as the summary table.</summary>
    public static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }

    /// <summary>Whether the text holds the flag as a whole word (<c>--tests</c>, not <c>--tests-path</c>).</summary>
    private static bool Names(string text, string flag)
    {
        for (var at = text.IndexOf(flag, StringComparison.OrdinalIgnoreCase); at >= 0;
             at = text.IndexOf(flag, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + flag.Length;
            var before = at == 0 ? ' ' : text[at - 1];
            var after = end == text.Length ? ' ' : text[end];
            if (!IsNameCharacter(before) && !IsNameCharacter(after))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNameCharacter(char c) => char.IsLetterOrDigit(c) || c is '-' or '_';
}

/// <summary>A parameter bound from somewhere other than the command line: its flag and where its value came from
/// (<c>environment variable TESTS</c>, <c>.nuke/parameters.json</c>).</summary>
internal sealed record ParameterOrigin(string CliName, string Source);
