using System.Text;
using LakehouseManager.Reporting;

namespace LakehouseManager.Pipeline.Testing;

/// <summary>
/// The pull-request comment for a data-test run that stopped before any test was judged (design §6: a command is
/// never met with silence): what went wrong, in the error's own words, and how to fix it.
/// </summary>
internal static class RunDataTestsProblem
{
    /// <summary>Room kept for the code fence and the cut mark when the message must be shortened.</summary>
    private const int Margin = 40;

    /// <summary>The comment, at most <paramref name="maxLength"/> characters (the error's message is cut to fit).</summary>
    public static string Render(string branch, RunDataTestsStage stage, Exception error, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(error);

        // Only this tool's errors are written for users (and never hold a secret); anything else is a bug whose text
        // belongs in the build's log, not on the pull request.
        var message = error is LakehouseException
            ? error.Message
            : "An unexpected error stopped the run; the build's log has the details.";
        var text = Compose(branch, stage, message);
        if (text.Length > maxLength)
        {
            var room = Math.Max(1, message.Length - (text.Length - maxLength) - Margin);
            text = Compose(branch, stage, TextCut.ToLength(message, room));
        }

        return text.Length <= maxLength ? text : TextCut.ToLength(text, maxLength);
    }

    private static string Compose(string branch, RunDataTestsStage stage, string message)
    {
        var code = MarkdownText.Code(branch);
        var (what, fix) = stage switch
        {
            RunDataTestsStage.Selection => (
                "The tests to run could not be chosen:",
                "Run the tests again and choose tests or tags the file has (the message lists them), or choose none to " +
                "run them all."),
            RunDataTestsStage.TestsFile => (
                "The tests file could not be read:",
                $"The tests file is read from the branch {code} as pushed: commit the tests file to the branch {code} " +
                "and push it (or correct the path the build gives in --tests-path), then run the tests again."),
            RunDataTestsStage.Parsing => (
                "The tests file has errors:",
                $"Fix the tests file on the branch {code}, push, and run the tests again; docs/data-tests.md describes " +
                "the format."),
            _ => (
                "The query engine could not be used, so the run stopped without a result:",
                "This is a problem of the engine or of the build's settings for it (the message says which); the tests " +
                "file is not at fault. Fix the settings or the credentials, then run the tests again."),
        };

        return new StringBuilder()
            .Append($"### 💥 Data tests did not run on {code}\n\n")
            .Append(what).Append("\n\n")
            .Append(MarkdownText.CodeBlock(message, "text")).Append('\n')
            .Append(fix).Append('\n')
            .ToString();
    }
}
