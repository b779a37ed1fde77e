using System.Runtime.CompilerServices;

namespace LakehouseManager.Aws;

/// <summary>Walks a paged operation (<c>nextToken</c>) and hides the tokens.</summary>
internal static class AwsPaging
{
    /// <summary>
    /// Every item of every page, fetching a page only when the previous one is used up. A service that sends a token
    /// it sent before would make the walk endless; that stops with an error instead.
    /// </summary>
    public static async IAsyncEnumerable<TItem> EnumerateAsync<TPage, TItem>(
        Func<string?, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, IEnumerable<TItem>> items,
        Func<TPage, string?> nextToken,
        string what,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(nextToken);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        do
        {
            var page = await fetchPage(token, cancellationToken).ConfigureAwait(false);
            foreach (var item in items(page))
            {
                yield return item;
            }

            token = nextToken(page);
            if (string.IsNullOrEmpty(token))
            {
                yield break;
            }

            if (!seen.Add(token))
            {
                throw new LakehouseException(
                    $"AWS sent the same page token twice while listing {what}; the listing was stopped to avoid an endless loop.");
            }
        }
        while (true);
    }
}
