using System.Text;
using LakehouseManager.Naming;

namespace LakehouseManager.Mirror;

/// <summary>
/// Encodes a key into its plain path components (no case suffix yet): each element escaped, and split into chunks
/// when it would not fit in one name. The escaping of a chunk depends only on the chunk, so decoding needs no context.
/// </summary>
internal static class MirrorEncoder
{
    public static List<MirrorComponent> Encode(ContentKey key)
    {
        var components = new List<MirrorComponent>();
        for (var i = 0; i < key.Elements.Length; i++)
        {
            var kind = i == key.Elements.Length - 1 ? MirrorComponentKind.File : MirrorComponentKind.Folder;
            EncodeElement(key.Elements[i], kind, components);
        }

        return components;
    }

    internal static void EncodeElement(string element, MirrorComponentKind lastKind, List<MirrorComponent> output)
    {
        var units = MirrorEscaping.Units(element);
        var start = 0;
        while (start < units.Count)
        {
            // Greedy: as many units as fit in the budget (at least one); the rest goes to the next chunk.
            var end = start;
            var size = 0;
            while (end < units.Count && (end == start || size + units[end].EscapedSize <= MirrorNameRules.ChunkBudget))
            {
                size += units[end].EscapedSize;
                end++;
            }

            var kind = end < units.Count ? MirrorComponentKind.Continuation : lastKind;
            output.Add(new MirrorComponent(EscapeChunk(element, units.GetRange(start, end - start), kind), kind));
            start = end;
        }
    }

    /// <summary>
    /// Escapes one chunk: the characters that are always unsafe, plus the positional rules that make the name safe on
    /// every file system: a leading space or dot (hidden files, <c>.git</c>), a trailing space or dot (Windows strips
    /// them), a reserved device name (<c>con</c>), and a folder ending in <c>.sql</c> (it could collide with a view file).
    /// </summary>
    private static string EscapeChunk(string element, List<MirrorEscaping.Unit> units, MirrorComponentKind kind)
    {
        var raw = element.Substring(units[0].Start, units[^1].Start + units[^1].Length - units[0].Start);
        var positional = new HashSet<int>();
        if (units[0].CodePoint is ' ' or '.' || MirrorNameRules.IsReservedName(raw))
        {
            positional.Add(0);
        }

        if (units[^1].CodePoint is ' ' or '.')
        {
            positional.Add(units.Count - 1);
        }

        if (kind == MirrorComponentKind.Folder && EndsWithSqlExtension(units))
        {
            positional.Add(units.Count - 4);
        }

        var builder = new StringBuilder();
        for (var i = 0; i < units.Count; i++)
        {
            var unit = units[i];
            if (unit.MustEscape || positional.Contains(i))
            {
                MirrorEscaping.AppendEscaped(builder, unit.CodePoint);
            }
            else
            {
                builder.Append(element, unit.Start, unit.Length);
            }
        }

        return builder.ToString();
    }

    /// <summary>Ends in ".sql" in any case (the only literal letters that fold to s, q, l are ASCII ones).</summary>
    private static bool EndsWithSqlExtension(List<MirrorEscaping.Unit> units) =>
        units.Count >= 4 &&
        units[^4].CodePoint == '.' &&
        units[^3].CodePoint is 's' or 'S' &&
        units[^2].CodePoint is 'q' or 'Q' &&
        units[^1].CodePoint is 'l' or 'L';
}
