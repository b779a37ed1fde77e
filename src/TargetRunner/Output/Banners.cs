using System.Globalization;
using System.Text;

namespace TargetRunner.Output;

/// <summary>Target headers, the logo, the "Errors &amp; Warnings" block and the closing line.</summary>
internal static class Banners
{
    public static string Logo => $"TargetRunner: Nuke-style build{Environment.NewLine}{Environment.NewLine}";

    /// <summary>Nuke's block header on a terminal; one plain line on CI hosts (easy to find in a CI log).</summary>
    public static string TargetHeader(string name, bool terminal, bool colors)
    {
        if (!terminal)
        {
            return $"{Environment.NewLine}=== {name} ==={Environment.NewLine}";
        }

        var builder = new StringBuilder();
        builder.AppendLine();
        builder.AppendLine(Ansi.Paint("╬" + new string('═', name.Length + 3), Ansi.Cyan, colors));
        builder.AppendLine(Ansi.Paint("║ " + name, Ansi.Cyan, colors));
        builder.AppendLine(Ansi.Paint("╬═══", Ansi.Cyan, colors));
        builder.AppendLine();
        return builder.ToString();
    }

    public static string ErrorsAndWarnings(IReadOnlyList<LoggedIssue> issues, bool colors)
    {
        var builder = new StringBuilder();
        builder.AppendLine();
        builder.AppendLine("Errors & Warnings");
        builder.AppendLine(new string('─', 39));
        foreach (var issue in issues)
        {
            var lines = issue.Message.ReplaceLineEndings("\n").Split('\n');
            var prefix = issue.Target is null ? string.Empty : issue.Target + ": ";
            var text = $"[{RunLog.Tag(issue.Level)}] {prefix}{lines[0]}";
            builder.AppendLine(Ansi.Paint(text, issue.Level == LogLevel.Error ? Ansi.Red : Ansi.Yellow, colors));
            foreach (var line in lines.Skip(1))
            {
                builder.AppendLine("      " + line);
            }
        }

        builder.AppendLine();
        return builder.ToString();
    }

    /// <summary>The closing line, dated in ISO 8601 with the local offset (<c>2026-03-12T15:00:34+01:00</c>), which
    /// reads the same in every locale.</summary>
    public static string Outcome(bool succeeded, DateTimeOffset now)
    {
        var date = IsoDate(now);
        return succeeded
            ? $"{Environment.NewLine}Build succeeded on {date}. ＼（＾ᴗ＾）／{Environment.NewLine}"
            : $"{Environment.NewLine}Build failed on {date}. (╯°□°）╯︵ ┻━┻{Environment.NewLine}";
    }

    /// <summary>A moment in ISO 8601 to the second, with its offset from UTC.</summary>
    public static string IsoDate(DateTimeOffset moment) =>
        moment.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
