namespace LakehouseManager.Mirror;

public sealed partial class MirrorFolder
{
    /// <summary>The full path of a mirror file, after checking that it is a layout path that stays inside the
    /// mirror folder and crosses no link.</summary>
    private string Resolve(string relativePath, string action)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        if (!MirrorLayout.TryDecode(relativePath, out _, out var error))
        {
            throw new LakehouseException($"Refusing to {action} '{relativePath}': {error}", isFatal: true);
        }

        var fullPath = Path.GetFullPath(Path.Combine(FullPath, relativePath.Replace('/', Path.DirectorySeparatorChar)));
        if (!IsInside(fullPath))
        {
            throw new LakehouseException(
                $"Refusing to {action} '{relativePath}': it resolves to '{fullPath}', outside the mirror folder '{FullPath}'.");
        }

        EnsureNoLinks(fullPath, relativePath, action);
        return fullPath;
    }

    /// <summary>Whether a full path lies strictly inside the mirror folder.</summary>
    private bool IsInside(string fullPath) =>
        fullPath.StartsWith(FullPath + Path.DirectorySeparatorChar, StringComparison.Ordinal) && fullPath.Length > FullPath.Length + 1;

    /// <summary>Refuses when any existing component from the checkout root down (mirror folder included) is a link.</summary>
    private void EnsureNoLinks(string fullPath, string relativePath, string action)
    {
        var current = CheckoutRoot;
        foreach (var part in Path.GetRelativePath(CheckoutRoot, fullPath).Split(Path.DirectorySeparatorChar))
        {
            current = Path.Combine(current, part);
            if (IsLink(current))
            {
                throw new LakehouseException(
                    $"Refusing to {action} '{relativePath}': '{current}' is a symbolic link or junction, and the mirror " +
                    "never follows links (they could lead outside the mirror folder).");
            }
        }
    }

    /// <summary>Creates the folders of a file one by one, so that none is created through a link.</summary>
    private void CreateFolders(string folder, string relativePath)
    {
        if (Directory.Exists(folder))
        {
            return;
        }

        var current = CheckoutRoot;
        foreach (var part in Path.GetRelativePath(CheckoutRoot, folder).Split(Path.DirectorySeparatorChar))
        {
            current = Path.Combine(current, part);
            if (File.Exists(current))
            {
                throw new LakehouseException($"Cannot write the view file '{relativePath}': the file '{current}' is in the way of a folder.");
            }

            Directory.CreateDirectory(current);
        }
    }

    private static bool IsLink(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            return true;
        }

        return (info.Exists || Directory.Exists(path)) && info.Attributes.HasFlag(FileAttributes.ReparsePoint);
    }
}
