using System.Globalization;
using System.Text;

namespace LakehouseManager.Catalog.Nessie;

/// <summary>Builds a query string; every name and value is URL-encoded, repeated names are allowed.</summary>
internal sealed class NessieQuery
{
    private readonly StringBuilder _text = new();

    public NessieQuery Add(string name, string? value)
    {
        if (value is null)
        {
            return this;
        }

        _text.Append(_text.Length == 0 ? '?' : '&')
            .Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        return this;
    }

    public NessieQuery Add(string name, int? value) =>
        Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public NessieQuery Add(string name, bool value, bool onlyWhenTrue = true) =>
        onlyWhenTrue && !value ? this : Add(name, value ? "true" : "false");

    public override string ToString() => _text.ToString();
}
