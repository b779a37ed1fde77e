namespace LakehouseManager.DataTests;

/// <summary>
/// Which tests to run, from <c>!test</c> arguments or <c>--tests</c>: test names and <c>tag:x</c> terms. A test runs when
/// its name is listed or it carries a listed tag; no terms means every test.
/// </summary>
internal sealed record DataTestSelection
{
    private const string TagPrefix = "tag:";

    private DataTestSelection(IReadOnlyList<string> names, IReadOnlyList<string> tags, string? source = null)
    {
        Names = names;
        Tags = tags;
        Source = source;
    }

    /// <summary>Every test.</summary>
    public static DataTestSelection All { get; } = new([], []);

    public IReadOnlyList<string> Names { get; }

    public IReadOnlyList<string> Tags { get; }

    public bool IsAll => Names.Count == 0 && Tags.Count == 0;

    /// <summary>Where the terms were given (<c>--tests</c>, <c>!test</c>), named in every error about them; null for nowhere.</summary>
    public string? Source { get; }

    /// <summary>Parses terms; each may hold several, separated by spaces or commas ("a b,tag:nightly").</summary>
    /// <param name="terms">Test names and <c>tag:x</c> terms.</param>
    /// <param name="source">Where they were given (<c>--tests</c>), so that errors name it.</param>
    public static DataTestSelection Parse(IEnumerable<string> terms, string? source)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var names = new List<string>();
        var tags = new List<string>();
        foreach (var term in terms.SelectMany(t => t.Split([' ', ',', '\t', '\n', '\r'],
                     StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (term.StartsWith(TagPrefix, StringComparison.OrdinalIgnoreCase))
            {
                var tag = term[TagPrefix.Length..];
                if (tag.Length == 0)
                {
                    throw new LakehouseException($"'tag:'{From(source)} needs a tag name, e.g. 'tag:nightly'.");
                }

                tags.Add(tag);
            }
            else
            {
                names.Add(term);
            }
        }

        return new DataTestSelection(
            names.Distinct(StringComparer.Ordinal).ToArray(),
            tags.Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
            source);
    }

    /// <summary>Parses terms given nowhere in particular (tests, the domain).</summary>
    public static DataTestSelection Parse(params string[] terms) => Parse(terms, source: null);

    /// <summary>
    /// The selected tests of the suite. A name matches exactly, else case-insensitively when that is unambiguous; an
    /// unknown name or a tag no test carries is an error that lists the valid ones (a typo must not run nothing).
    /// </summary>
    public IReadOnlySet<DataTest> Select(DataTestSuite suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        if (IsAll)
        {
            return new HashSet<DataTest>(suite.Tests, ReferenceEqualityComparer.Instance);
        }

        // By reference: two tests of a file are different tests even if every field were equal.
        var selected = new HashSet<DataTest>(ReferenceEqualityComparer.Instance);
        foreach (var name in Names)
        {
            var test = suite.Tests.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));
            if (test is null)
            {
                var loose = suite.Tests.Where(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
                    .ToList();
                test = loose.Count == 1
                    ? loose[0]
                    : throw new LakehouseException(
                        $"Unknown data test '{name}'{From(Source)} in {suite.Source}. Tests are: " +
                        $"{string.Join(", ", suite.Tests.Select(t => t.Name))}. Select tags with 'tag:<tag>'.");
            }

            selected.Add(test);
        }

        foreach (var tag in Tags)
        {
            var tagged = suite.Tests.Where(t => t.HasTag(tag)).ToList();
            if (tagged.Count == 0)
            {
                var known = suite.AllTags;
                throw new LakehouseException(
                    $"No data test in {suite.Source} has the tag '{tag}'{From(Source)}. " +
                    (known.Count == 0 ? "No test has tags." : $"Tags are: {string.Join(", ", known)}."));
            }

            selected.UnionWith(tagged);
        }

        return selected;
    }

    private static string From(string? source) => source is null ? string.Empty : $" ({source})";

    /// <summary>The terms as typed back: "revenue_total tag:nightly", or "all".</summary>
    public override string ToString() =>
        IsAll ? "all" : string.Join(" ", Names.Concat(Tags.Select(t => TagPrefix + t)));
}
