using System.Globalization;
using LakehouseManager.Mirror.Git;
using Xunit;

namespace LakehouseManager.Tests.Mirror.Git;

/// <summary>Records read while git writes them (a long <c>git log -z</c>), driving real git.</summary>
public sealed class GitRunnerStreamingTests
{
    [Fact(Timeout = 20_000)]
    public async Task Records_are_split_at_the_separator_and_a_final_unterminated_record_is_kept()
    {
        using var sandbox = new GitSandbox();
        var runner = new GitRunner(sandbox.Root, sandbox.Options);

        var records = await runner.StreamAsync("records", GitScripts.Alias("printf 'a\\000b c\\000\\000ünï'"), '\0', CancellationToken.None)
            .ToListAsync();

        Assert.Equal(["a", "b c", "", "ünï"], records);
    }

    [Fact(Timeout = 20_000)]
    public async Task Multibyte_characters_split_across_reads_are_decoded_whole()
    {
        using var sandbox = new GitSandbox();
        var runner = new GitRunner(sandbox.Root, sandbox.Options);

        // 20000 three-byte characters cross the 16 KiB read buffer at arbitrary byte offsets.
        var records = await runner.StreamAsync(
            "euros", GitScripts.Alias("i=0; while [ $i -lt 20000 ]; do printf '€'; i=$((i+1)); done; echo"), '\n', CancellationToken.None)
            .ToListAsync();

        Assert.Equal(new string('€', 20000), Assert.Single(records));
    }

    [Fact(Timeout = 20_000)]
    public async Task Reading_to_the_end_checks_the_exit_code()
    {
        using var sandbox = new GitSandbox();
        var runner = new GitRunner(sandbox.Root, sandbox.Options);
        var records = new List<string>();

        var exception = await Assert.ThrowsAsync<GitException>(async () =>
        {
            await foreach (var record in runner.StreamAsync(
                "failing", GitScripts.Alias("echo one; echo oops >&2; exit 4"), '\n', CancellationToken.None))
            {
                records.Add(record);
            }
        });

        Assert.Equal(["one"], records);
        Assert.Equal((4, "oops\n"), (exception.ExitCode, exception.Detail));
    }

    [Fact(Timeout = 20_000)]
    public async Task A_last_record_cut_short_by_a_failure_is_never_handed_out()
    {
        using var sandbox = new GitSandbox();
        var runner = new GitRunner(sandbox.Root, sandbox.Options);
        var records = new List<string>();

        await Assert.ThrowsAsync<GitException>(async () =>
        {
            await foreach (var record in runner.StreamAsync(
                "cut", GitScripts.Alias("printf 'whole\\000cu'; exit 1"), '\0', CancellationToken.None))
            {
                records.Add(record);
            }
        });

        Assert.Equal(["whole"], records);
    }

    [Fact(Timeout = 20_000)]
    public async Task Stopping_early_stops_git_instead_of_reading_all_its_output()
    {
        using var sandbox = new GitSandbox();
        var runner = new GitRunner(sandbox.Root, sandbox.Options);
        var records = new List<string>();

        // An endless writer: the enumeration can only end because stopping it kills the writer.
        await foreach (var record in runner.StreamAsync("endless", GitScripts.Alias("echo $$; exec yes line"), '\n', CancellationToken.None))
        {
            records.Add(record);
            if (records.Count == 3)
            {
                break;
            }
        }

        Assert.Equal(["line", "line"], records.Skip(1));
        Assert.True(await ProcessProbe.WaitUntilGoneAsync(int.Parse(records[0], CultureInfo.InvariantCulture)));
    }
}
