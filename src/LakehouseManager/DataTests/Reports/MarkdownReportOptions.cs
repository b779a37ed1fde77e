namespace LakehouseManager.DataTests.Reports;

/// <summary>How <see cref="MarkdownReport"/> fits its host.</summary>
internal sealed record MarkdownReportOptions
{
    /// <summary>The most characters a CodeCommit pull-request comment holds.</summary>
    public const int CodeCommitCommentLimit = 10_240;

    private readonly int _maxLength = CodeCommitCommentLimit;
    private readonly int _maxFailingRows = 10;

    /// <summary>
    /// The most characters (UTF-16 code units, which over-counts emoji and so errs on the safe side) the report may
    /// have; <see cref="int.MaxValue"/> for the full report written to a file. At least 1,000, so that the title, the
    /// summary and the note about what was cut always fit.
    /// </summary>
    public int MaxLength
    {
        get => _maxLength;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1_000);
            _maxLength = value;
        }
    }

    /// <summary>Where the full report is, for the note shown when this one is cut, e.g. "artifacts/test-results/data-tests.md".</summary>
    public string? FullReportHint { get; init; }

    /// <summary>How many failing rows each failure shows (at most 10, the size of a sample).</summary>
    public int MaxFailingRows
    {
        get => _maxFailingRows;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _maxFailingRows = value;
        }
    }
}
