using System.Text;

namespace LakehouseManager.Processes;

/// <summary>
/// Formats a command for humans (logs, error messages). Only for display: the process receives the argument list
/// itself, so this quoting never has to be exact for any shell.
/// </summary>
internal static class CommandLineFormatter
{
    public const string Mask = "***";

    public static string Format(string targetFilePath, IEnumerable<CommandArgument> arguments)
    {
        var builder = new StringBuilder();
        AppendQuoted(builder, targetFilePath);
        foreach (var argument in arguments)
        {
            builder.Append(' ');
            if (argument.IsSensitive)
            {
                builder.Append(Mask);
            }
            else
            {
                AppendQuoted(builder, argument.Value);
            }
        }

        return builder.ToString();
    }

    private static void AppendQuoted(StringBuilder builder, string value)
    {
        var needsQuotes = value.Length == 0 || value.Any(c => char.IsWhiteSpace(c) || c is '"' || char.IsControl(c));
        if (!needsQuotes)
        {
            builder.Append(value);
            return;
        }

        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (char.IsControl(c))
                    {
                        builder.Append($"\\u{(int)c:X4}");
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }
}
