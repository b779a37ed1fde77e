namespace LakehouseManager.DataTests.Parsing;

/// <summary>Names seen so far in a file: a repeated name is an error that names both lines.</summary>
internal sealed class TestNames
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    public void Add(string name, int line, ParseScope scope)
    {
        if (_lines.TryGetValue(name, out var first))
        {
            scope.Error(line, $"duplicate test name '{name}': first defined at line {first}, again at line {line}");
        }
        else
        {
            _lines[name] = line;
        }
    }
}
