using System.Text.Json;
using LakehouseManager.Http;

namespace LakehouseManager.Catalog.Nessie;

/// <summary>
/// One page of a paged answer (PAGING_INFO: <c>hasMore</c> and <c>token</c>, api-facts A.2). <see cref="NextPageToken"/>
/// is null on the last page. <see cref="EffectiveReference"/> is the reference the server resolved, when it says.
/// </summary>
internal sealed record NessiePage<T>(IReadOnlyList<T> Items, string? NextPageToken, NessieReference? EffectiveReference)
{
    public static NessiePage<T> Parse(
        JsonElement json, string itemsField, Func<JsonElement, T> parseItem, string? effectiveReferenceField)
    {
        JsonFields.RequireObject(json, "the page");
        var items = NessieJson.GetArray(json, itemsField).Select(parseItem).ToList();
        var hasMore = JsonFields.GetBoolean(json, "hasMore");
        var token = JsonFields.GetString(json, "token");
        if (hasMore && string.IsNullOrEmpty(token))
        {
            throw new FormatException("the page says it has more but carries no token");
        }

        var effective = effectiveReferenceField is not null && JsonFields.GetObject(json, effectiveReferenceField) is { } r
            ? NessieReference.Parse(r)
            : null;
        return new NessiePage<T>(items, hasMore ? token : null, effective);
    }
}
