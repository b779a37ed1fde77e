using System.Globalization;
using System.Text;

namespace LakehouseManager.Fakes.CodeCommit;

/// <summary>Opaque <c>nextToken</c>s: the offset of the next page, tied to the operation.</summary>
internal static class CodeCommitFakePaging
{
    public static string Token(string operation, int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{operation}:{offset.ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>The offset a token names; 0 without one; InvalidContinuationTokenException for a foreign token.</summary>
    public static int Offset(string operation, string? token)
    {
        if (token is null)
        {
            return 0;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith(operation + ":", StringComparison.Ordinal) &&
                int.TryParse(text[(operation.Length + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
        }

        throw new CodeCommitFakeError("InvalidContinuationTokenException", "The continuation token is not valid.");
    }

    /// <summary>One page of <paramref name="items"/> and the token of the next, if any.</summary>
    public static (IReadOnlyList<T> Page, string? NextToken) Page<T>(IReadOnlyList<T> items, string operation, string? token, int max)
    {
        var offset = Offset(operation, token);
        var page = items.Skip(offset).Take(max).ToList();
        var next = offset + page.Count;
        return (page, next < items.Count ? Token(operation, next) : null);
    }
}
