namespace LakehouseManager.IO;

/// <summary>
/// Errors of the file system (no permission, a full disk, a read-only file system) as messages for people: the path,
/// what was being done, and the cause in plain words, never a .NET type name.
/// </summary>
internal static class FileErrors
{
    /// <summary>A file or folder could not be written.</summary>
    public static LakehouseException Write(string path, Exception cause, string? state = null) =>
        Describe("write", path, cause, state);

    /// <summary>A file or folder could not be deleted.</summary>
    public static LakehouseException Delete(string path, Exception cause, string? state = null) =>
        Describe("delete", path, cause, state);

    /// <summary>The cause in plain words.</summary>
    public static string Cause(Exception cause) => cause switch
    {
        LakehouseException known => known.Message,
        UnauthorizedAccessException => "permission denied",
        IOException io when io.HResult is 28 or 0x70 or unchecked((int)0x80070070) => "the disk is full",
        IOException io when io.HResult is 30 => "the file system is read-only",
        _ => cause.Message.TrimEnd('.'),
    };

    private static LakehouseException Describe(string action, string path, Exception cause, string? state)
    {
        if (cause is LakehouseException known && state is null)
        {
            return known;
        }

        var message = cause is LakehouseException lakehouse
            ? lakehouse.Message
            : $"Could not {action} '{path}': {Cause(cause)}.";
        return new FileSystemException(state is null ? message : $"{message} {state}", cause);
    }
}
