namespace LakehouseManager.Catalog.Nessie;

/// <summary>How a content key is written in a URL path element or query parameter (api-facts A.4).</summary>
internal enum NessieKeyEncoding
{
    /// <summary>Every spec version: elements joined by <c>.</c>, a dot inside an element written as U+001D.</summary>
    Legacy,

    /// <summary>
    /// Spec 2.2.0 and later: when an element holds <c>. / \ %</c>, the string starts with <c>.</c> and those characters
    /// (and <c>*</c>) are escaped as <c>*. *{ *} *[ **</c>; otherwise the plain dotted form.
    /// </summary>
    Escaped,
}
