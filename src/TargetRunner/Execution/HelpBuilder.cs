using System.Collections;
using System.Globalization;
using TargetRunner.Definition;
using TargetRunner.Output;
using TargetRunner.Parameters;

namespace TargetRunner.Execution;

/// <summary>Composes each listed parameter's help text: description, valid values, default (never a secret's).</summary>
internal static class HelpBuilder
{
    public static string Render(
        IReadOnlyList<ExecutableTarget> targets,
        IReadOnlyList<ParameterMember> custom,
        object build,
        IReadOnlyList<ParameterMember> builtIns,
        AbsolutePath root)
    {
        var defaultTargets = string.Join(", ", targets.Where(t => t.IsDefault).Select(t => t.Name));
        var customHelp = custom.Where(p => p.IsListed).Select(p => Describe(p, p.GetValue(build), root)).ToList();
        var builtInHelp = builtIns
            .Where(p => p.IsListed)
            .Select(p => new ParameterHelp(
                NameFormat.ToKebabCase(p.Name),
                WithPeriod(p.Description!.Replace("{default_target}", defaultTargets, StringComparison.Ordinal))))
            .ToList();
        return HelpText.Render(targets, customHelp, builtInHelp);
    }

    private static ParameterHelp Describe(ParameterMember parameter, object? defaultValue, AbsolutePath root)
    {
        var text = string.IsNullOrWhiteSpace(parameter.Description) ? "<no description>" : WithPeriod(parameter.Description);
        if (ValueConverter.EnumValues(parameter.ValueType) is { } names)
        {
            text += $" One of: {string.Join(", ", names)}.";
        }

        var shown = parameter.IsSecret ? null : Format(defaultValue, root);
        if (shown is not null && !text.Contains("Default is", StringComparison.OrdinalIgnoreCase))
        {
            text += $" Default is '{shown}'.";
        }

        return new ParameterHelp(NameFormat.ToKebabCase(parameter.Name), text);
    }

    private static string WithPeriod(string text) => text.TrimEnd().EndsWith('.') ? text.TrimEnd() : text.TrimEnd() + ".";

    private static string? Format(object? value, AbsolutePath root) => value switch
    {
        null or false => null,
        true => "true",
        string text => text.Length == 0 ? null : text,
        AbsolutePath path => path.GetRelativePathTo(root),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => items.Cast<object?>().Select(i => Format(i, root)).ToList() is { Count: > 0 } list
            ? string.Join(' ', list)
            : null,
        _ => value.ToString(),
    };
}
