using System.Text;
using TargetRunner.Definition;

namespace TargetRunner.Output;

/// <summary>
/// <c>--help</c> in Nuke's format: listed targets with their direct execution dependencies and descriptions, then the
/// build's own parameters, a blank line, and the built-in ones, each padded and wrapped.
/// </summary>
internal static class HelpText
{
    /// <summary>The column at which descriptions wrap, fixed so the text is the same on every console.</summary>
    public const int Width = 100;

    public static string Render(
        IReadOnlyList<ExecutableTarget> targets,
        IReadOnlyList<ParameterHelp> custom,
        IReadOnlyList<ParameterHelp> builtIns)
    {
        var builder = new StringBuilder();
        AppendTargets(builder, targets);
        builder.AppendLine();
        builder.AppendLine("Parameters:");
        builder.AppendLine();
        var all = custom.Concat(builtIns).ToList();
        var pad = Math.Max(all.Count == 0 ? 0 : all.Max(p => p.KebabName.Length), 16);
        foreach (var parameter in custom.OrderBy(p => p.KebabName, StringComparer.Ordinal))
        {
            AppendParameter(builder, parameter, pad);
        }

        if (custom.Count > 0)
        {
            builder.AppendLine();
        }

        foreach (var parameter in builtIns.OrderBy(p => p.KebabName, StringComparer.Ordinal))
        {
            AppendParameter(builder, parameter, pad);
        }

        return builder.ToString();
    }

    private static void AppendTargets(StringBuilder builder, IReadOnlyList<ExecutableTarget> targets)
    {
        builder.AppendLine("Targets (with their direct dependencies):");
        builder.AppendLine();
        var listed = targets.Where(t => t.IsListed).ToList();
        var pad = Math.Max(listed.Count == 0 ? 0 : listed.Max(t => t.Name.Length), 20);
        foreach (var target in listed)
        {
            var entry = target.Name + (target.IsDefault ? " (default)" : string.Empty);
            var dependencies = target.ExecutionDependencies.Count > 0
                ? " -> " + string.Join(", ", target.ExecutionDependencies.Select(d => d.Name))
                : string.Empty;
            builder.AppendLine(("  " + entry.PadRight(pad) + dependencies).TrimEnd());
            if (!string.IsNullOrWhiteSpace(target.Description))
            {
                foreach (var line in Wrap(target.Description, Width - 4))
                {
                    builder.AppendLine("    " + line);
                }
            }
        }
    }

    private static void AppendParameter(StringBuilder builder, ParameterHelp parameter, int pad)
    {
        var indent = pad + 6;
        var lines = Wrap(parameter.Text, Math.Max(Width - indent, 30));
        builder.AppendLine($"  --{parameter.KebabName.PadRight(pad)}  {lines[0]}".TrimEnd());
        foreach (var line in lines.Skip(1))
        {
            builder.AppendLine(new string(' ', indent) + line);
        }
    }

    /// <summary>Greedy word wrap; a word longer than the width gets a line of its own.</summary>
    public static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > width)
            {
                lines.Add(current.ToString());
                current.Clear();
            }

            current.Append(current.Length > 0 ? " " : string.Empty).Append(word);
        }

        lines.Add(current.ToString());
        return lines;
    }
}
