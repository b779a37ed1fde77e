namespace LakehouseManager.Mirror;

/// <summary>A path that is not a mirror file of the layout: the message names the path and what is wrong with it.</summary>
internal sealed class MirrorPathException : LakehouseException
{
    public MirrorPathException(string path, string reason)
        : base($"'{path}' is not a mirror file path: {reason}.", isFatal: false)
    {
        Path = path;
        Reason = reason;
    }

    public string Path { get; }

    public string Reason { get; }
}
