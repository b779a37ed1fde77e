namespace LakehouseManager.Mirror.Git;

/// <summary>
/// A git trailer (<c>Key: value</c> in the last paragraph of a commit message). Keys are letters, digits and dashes;
/// values are one non-empty line, so that git's own trailer parser reads back exactly what was written.
/// </summary>
public sealed record GitTrailer
{
    public GitTrailer(string key, string value)
    {
        if (string.IsNullOrEmpty(key) || !key.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') || key[0] == '-')
        {
            throw new LakehouseException(
                $"Invalid git trailer key '{key}': use ASCII letters, digits and dashes, starting with a letter or digit.");
        }

        if (string.IsNullOrWhiteSpace(value) || value.Any(char.IsControl) || value.Trim() != value)
        {
            throw new LakehouseException(
                $"Invalid value for git trailer '{key}': '{value}' must be one non-empty line without surrounding spaces.");
        }

        Key = key;
        Value = value;
    }

    public string Key { get; }

    public string Value { get; }

    public override string ToString() => $"{Key}: {Value}";
}
