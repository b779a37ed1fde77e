using System.Text;
using System.Threading.Channels;

namespace LakehouseManager.Mirror.Git;

/// <summary>
/// Splits git's standard output into records at a separator (NUL for <c>-z</c> output) while git writes it, decoding
/// UTF-8 across read boundaries, and hands each record to a channel: a long history is never held in memory, and a
/// reader that has had enough can stop git early. The text after the last separator is kept in <see cref="Tail"/>:
/// it is a record only if git then ends well (a killed git leaves a cut one).
/// </summary>
internal sealed class GitRecordReader(char separator, ChannelWriter<string> records)
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The text after the last separator, once the output has ended.</summary>
    public string Tail { get; private set; } = string.Empty;

    /// <summary>Reads the stream to its end (a CliWrap pipe target).</summary>
    public async Task ReadAsync(Stream output, CancellationToken cancellationToken)
    {
        var decoder = s_utf8.GetDecoder();
        var bytes = new byte[16 * 1024];
        var chars = new char[s_utf8.GetMaxCharCount(bytes.Length)];
        var pending = new StringBuilder();
        int read;
        do
        {
            read = await output.ReadAsync(bytes, cancellationToken).ConfigureAwait(false);
            var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: read == 0);
            var start = 0;
            for (var i = 0; i < count; i++)
            {
                if (chars[i] == separator)
                {
                    pending.Append(chars, start, i - start);
                    await records.WriteAsync(pending.ToString(), cancellationToken).ConfigureAwait(false);
                    pending.Clear();
                    start = i + 1;
                }
            }

            pending.Append(chars, start, count - start);
        }
        while (read > 0);

        Tail = pending.ToString();
    }
}
