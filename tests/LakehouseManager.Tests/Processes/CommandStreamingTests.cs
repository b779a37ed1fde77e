using LakehouseManager.Processes;
using Xunit;

namespace LakehouseManager.Tests.Processes;

public sealed class CommandStreamingTests
{
    private static Command Sh(string script) => Cli.Wrap("sh").WithArguments(["-c", script]);

    [Fact(Timeout = 10_000)]
    public async Task Records_are_split_at_the_separator_and_a_final_unterminated_record_is_kept()
    {
        var records = new List<string>();

        await foreach (var record in Sh("printf 'a\\000b c\\000\\000ünï'").StreamRecordsAsync('\0'))
        {
            records.Add(record);
        }

        Assert.Equal(["a", "b c", "", "ünï"], records);
    }

    [Fact(Timeout = 10_000)]
    public async Task Multibyte_characters_split_across_reads_are_decoded_whole()
    {
        // 20000 three-byte characters cross the 16 KiB read buffer at arbitrary byte offsets.
        var records = new List<string>();

        await foreach (var record in Sh("i=0; while [ $i -lt 20000 ]; do printf '€'; i=$((i+1)); done; echo")
                           .StreamRecordsAsync())
        {
            records.Add(record);
        }

        Assert.Equal(new string('€', 20000), Assert.Single(records));
    }

    [Fact(Timeout = 10_000)]
    public async Task Enumerating_to_the_end_validates_the_exit_code()
    {
        var records = new List<string>();

        var exception = await Assert.ThrowsAsync<CommandExecutionException>(async () =>
        {
            await foreach (var record in Sh("echo one; echo oops >&2; exit 4").StreamRecordsAsync())
            {
                records.Add(record);
            }
        });

        Assert.Equal(["one"], records);
        Assert.Equal(4, exception.ExitCode);
        Assert.Contains("oops", exception.StandardError, StringComparison.Ordinal);
    }

    [Fact(Timeout = 10_000)]
    public async Task Stopping_early_kills_the_process_instead_of_reading_all_its_output()
    {
        var records = new List<string>();

        // An endless producer: the enumeration can only end because breaking out kills it.
        await foreach (var record in Sh("echo $$; exec yes line").StreamRecordsAsync())
        {
            records.Add(record);
            if (records.Count == 3)
            {
                break;
            }
        }

        var pid = int.Parse(records[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(["line", "line"], records.Skip(1));
        Assert.True(await ProcessTestSupport.WaitUntilDeadAsync(pid));
    }
}
