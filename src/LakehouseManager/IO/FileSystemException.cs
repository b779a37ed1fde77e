namespace LakehouseManager.IO;

/// <summary>A file or folder could not be written or deleted: the message names it, the operation and the cause.</summary>
internal sealed class FileSystemException(string message, Exception innerException)
    : LakehouseException(message, isFatal: true, innerException);
