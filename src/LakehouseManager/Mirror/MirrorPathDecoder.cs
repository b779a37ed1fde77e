using LakehouseManager.Naming;

namespace LakehouseManager.Mirror;

/// <summary>
/// Reads a mirror path back into its key without any context: strips <c>.sql</c>, the case suffix (checked against
/// the name's case pattern) and the continuation marker of each component, unescapes, joins chunks; then re-encodes
/// the key to make sure the path is the canonical one, so that no two paths decode to the same key.
/// </summary>
internal static class MirrorPathDecoder
{
    public static ContentKey Decode(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var components = Parse(path);
        var elements = new List<string>();
        var element = new System.Text.StringBuilder();
        foreach (var component in components)
        {
            try
            {
                element.Append(MirrorEscaping.Unescape(component.Text));
            }
            catch (FormatException exception)
            {
                throw new MirrorPathException(path, $"in '{component.ToName()}', {exception.Message}");
            }

            if (component.Kind != MirrorComponentKind.Continuation)
            {
                elements.Add(element.ToString());
                element.Clear();
            }
        }

        var error = ContentKey.Validate(elements);
        if (error is not null)
        {
            throw new MirrorPathException(path, $"it names no valid catalog key ({error})");
        }

        var key = ContentKey.Of(elements);
        var canonical = MirrorEncoder.Encode(key);
        if (!canonical.SequenceEqual(components))
        {
            var expected = string.Join('/', canonical.Select(c => c.ToName()));
            throw new MirrorPathException(
                path,
                $"it is not in the layout's canonical form (the view {key} would be at '{expected}', or that path with case suffixes)");
        }

        return key;
    }

    private static List<MirrorComponent> Parse(string path)
    {
        if (path.Length == 0)
        {
            throw new MirrorPathException(path, "it is empty");
        }

        if (path.StartsWith('/') || Path.IsPathRooted(path))
        {
            throw new MirrorPathException(path, "it is absolute; mirror paths are relative to the mirror folder");
        }

        var names = path.Split('/');
        if (names.Any(n => n is "." or ".."))
        {
            throw new MirrorPathException(path, "it holds a '.' or '..' component (path traversal)");
        }

        if (names.Any(n => n.Length == 0))
        {
            throw new MirrorPathException(path, "it has an empty component");
        }

        if (!names[^1].EndsWith(MirrorLayout.Extension, StringComparison.Ordinal))
        {
            throw new MirrorPathException(path, $"it does not end in '{MirrorLayout.Extension}'");
        }

        var components = new List<MirrorComponent>(names.Length);
        for (var i = 0; i < names.Length; i++)
        {
            var isLast = i == names.Length - 1;
            components.Add(ParseComponent(path, isLast ? names[i][..^MirrorLayout.Extension.Length] : names[i], isLast));
        }

        return components;
    }

    private static MirrorComponent ParseComponent(string path, string name, bool isFile)
    {
        var text = name;
        string? mask = null;
        var caseMarker = text.LastIndexOf(MirrorComponent.CaseMarker, StringComparison.Ordinal);
        if (caseMarker >= 0)
        {
            mask = text[(caseMarker + MirrorComponent.CaseMarker.Length)..];
            text = text[..caseMarker];
            if (mask.Length == 0 || mask[0] == '0' || !mask.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f'))
            {
                throw new MirrorPathException(
                    path,
                    $"in '{name}', '%~{mask}' is not a case suffix ('%~' and lowercase hex without leading zeros)");
            }
        }

        var continued = text.EndsWith(MirrorComponent.ContinuationMarker, StringComparison.Ordinal);
        if (continued)
        {
            text = text[..^MirrorComponent.ContinuationMarker.Length];
        }

        if (text.Length == 0)
        {
            throw new MirrorPathException(path, $"'{name}' holds no name");
        }

        if (continued && isFile)
        {
            throw new MirrorPathException(path, $"the file name '{name}' is marked as continuing ('%+') but nothing follows");
        }

        if (mask is not null && MirrorCaseSuffix.Mask(text) != mask)
        {
            var actual = MirrorCaseSuffix.Mask(text);
            throw new MirrorPathException(
                path,
                $"in '{name}', the case suffix '%~{mask}' does not match the name's uppercase letters " +
                $"({(actual.Length == 0 ? "it has none" : "expected '%~" + actual + "'")})");
        }

        var kind = continued ? MirrorComponentKind.Continuation
            : isFile ? MirrorComponentKind.File
            : MirrorComponentKind.Folder;
        return new MirrorComponent(text, kind);
    }
}
