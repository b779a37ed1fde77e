using System.Text;

namespace LakehouseManager.Deployment;

/// <summary>
/// What RunInCodeBuild asks CodeBuild for: the target to run remotely and the parameters of the local command line
/// as environment overrides (<c>--pull-request-id 12</c> becomes <c>PULL_REQUEST_ID=12</c>: every parameter binds
/// from its upper-case name). Secrets are never passed: a secret parameter is refused with the name of the secret
/// setting to use instead (e.g. <c>--pat-secret-name</c>). No I/O.
/// </summary>
public sealed record RemoteBuildRequest(string Target, IReadOnlyList<KeyValuePair<string, string>> Variables)
{
    /// <summary>
    /// Reads the command line: the words before the first <c>--</c> option are target names and are skipped; each
    /// <c>--name value...</c> becomes <c>NAME=value ...</c> (a flag without a value, <c>true</c>), except the options in
    /// <paramref name="localOnly"/> (those of the local run itself: <c>--root</c>, <c>--aws-region</c>, ...).
    /// </summary>
    /// <param name="target">The target the build runs (<c>--remote-target</c>).</param>
    /// <param name="arguments">The local command line, without the program.</param>
    /// <param name="localOnly">The options of the local run, in kebab case: not passed on.</param>
    /// <param name="secrets">The options that hold secrets (the build's <c>[Secret]</c> parameters), in kebab case.</param>
    public static RemoteBuildRequest FromArguments(
        string? target, IReadOnlyList<string> arguments, IReadOnlySet<string> localOnly, IReadOnlySet<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (string.IsNullOrWhiteSpace(target))
        {
            throw new LakehouseException(
                "RunInCodeBuild needs --remote-target: the target the build runs, e.g. --remote-target RunDataTests --pull-request-id 12.");
        }

        var variables = new List<KeyValuePair<string, string>> { new(LakehouseStack.TargetVariable, target.Trim()) };
        string? option = null;
        var values = new List<string>();
        foreach (var argument in arguments.Append("--"))
        {
            if (!argument.StartsWith("--", StringComparison.Ordinal))
            {
                if (option is not null)
                {
                    values.Add(argument);
                }

                continue;
            }

            if (option is not null && !localOnly.Contains(option))
            {
                if (secrets.Contains(option) || LooksSecret(option))
                {
                    throw new LakehouseException(
                        $"RunInCodeBuild does not pass --{option} to CodeBuild: a secret's value never leaves this machine. " +
                        "Give the build the secret's name instead (--pat-secret-name, read from Secrets Manager in the build).");
                }

                variables.Add(new(VariableName(option), values.Count == 0 ? "true" : string.Join(' ', values)));
            }

            option = argument.Length > 2 ? argument[2..].Split('=')[0] : null;
            values = argument.Contains('=', StringComparison.Ordinal) ? [argument[(argument.IndexOf('=', StringComparison.Ordinal) + 1)..]] : [];
        }

        return new RemoteBuildRequest(target.Trim(), variables);
    }

    /// <summary>The environment variable of an option: <c>pull-request-id</c> → <c>PULL_REQUEST_ID</c>.</summary>
    public static string VariableName(string option)
    {
        var builder = new StringBuilder();
        foreach (var c in option)
        {
            builder.Append(c is '-' or '_' ? '_' : char.ToUpperInvariant(c));
        }

        return builder.ToString();
    }

    // An option that names a secret is fine (--pat-secret-name); one that holds a secret is not.
    private static bool LooksSecret(string option)
    {
        var name = VariableName(option);
        return !name.EndsWith("_SECRET_NAME", StringComparison.Ordinal) &&
            name.Split('_').Any(part => part is "PAT" or "TOKEN" or "PASSWORD" or "SECRET" or "KEY");
    }
}
