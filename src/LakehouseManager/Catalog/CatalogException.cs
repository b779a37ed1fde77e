namespace LakehouseManager.Catalog;

/// <summary>A catalog call that failed; the message is for the user and names the ref, hash or key involved.</summary>
internal sealed class CatalogException : LakehouseException
{
    public CatalogException(CatalogErrorKind kind, string message, Exception? innerException = null)
        : base(message, isFatal: true, innerException)
    {
        Kind = kind;
    }

    public CatalogErrorKind Kind { get; }
}
