namespace TargetRunner.Tests.Support;

/// <summary>What an in-process run produced.</summary>
internal sealed record RunResult(int ExitCode, string Output, List<string> Events, NukeBuild? Build)
{
    /// <summary>The summary table, from its top rule to its bottom rule.</summary>
    public string SummaryTable
    {
        get
        {
            var lines = Output.ReplaceLineEndings("\n").Split('\n');
            var start = Array.FindIndex(lines, l => l.StartsWith('═'));
            var end = Array.FindLastIndex(lines, l => l.StartsWith('═'));
            return start < 0 || end <= start ? string.Empty : string.Join("\n", lines[start..(end + 1)]) + "\n";
        }
    }
}
