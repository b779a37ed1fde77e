namespace TargetRunner.Parameters;

/// <summary>
/// Finds a parameter's environment variable as Nuke does: the exact member name first; otherwise, comparing letters
/// and digits only and ignoring case, <c>&lt;name&gt;</c> or <c>NUKE&lt;name&gt;</c> (so <c>TO_REF</c>, <c>to_ref</c>
/// and <c>NUKE_TO_REF</c> all bind <c>ToRef</c>).
/// </summary>
internal sealed class EnvironmentLookup
{
    private readonly IReadOnlyDictionary<string, string> _variables;

    public EnvironmentLookup(IReadOnlyDictionary<string, string> variables)
    {
        _variables = variables;
    }

    /// <summary>
    /// The matching variable names; one means found, several mean ambiguous. With <paramref name="nukePrefixOnly"/>,
    /// only <c>NUKE&lt;name&gt;</c> matches (not the exact name, not the bare name).
    /// </summary>
    public IReadOnlyList<string> Find(string parameterName, bool nukePrefixOnly = false)
    {
        if (!nukePrefixOnly && _variables.ContainsKey(parameterName))
        {
            return [parameterName];
        }

        var normalized = NameFormat.Normalize(parameterName);
        return _variables.Keys
            .Where(k => NameFormat.Normalize(k) is var n && ((!nukePrefixOnly && n == normalized) || n == "NUKE" + normalized))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public string this[string variable] => _variables[variable];
}
