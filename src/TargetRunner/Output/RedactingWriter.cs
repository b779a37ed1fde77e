using System.Text;

namespace TargetRunner.Output;

/// <summary>
/// Writes through to another writer, replacing every registered secret with <c>***</c>. Text is held until a line is
/// complete (or, on <see cref="Flush"/>, up to where a secret could still begin) so a secret written in pieces is
/// caught too. Thread-safe: logs, targets and child-process readers write concurrently.
/// </summary>
internal sealed class RedactingWriter : TextWriter
{
    public const string Mask = "***";

    private readonly TextWriter _inner;
    private readonly object _gate = new();
    private readonly StringBuilder _pending = new();
    private string[] _secrets = [];

    public RedactingWriter(TextWriter inner)
    {
        _inner = inner;
    }

    public override Encoding Encoding => _inner.Encoding;

    /// <summary>Registers a secret; each line of a multi-line value is masked on its own.</summary>
    public void AddSecret(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        lock (_gate)
        {
            var lines = value.Split('\n').Select(l => l.Trim('\r', ' ', '\t')).Where(l => l.Length > 0);
            _secrets = _secrets.Union(lines, StringComparer.Ordinal).OrderByDescending(s => s.Length).ToArray();
        }
    }

    /// <summary>Masks every registered secret in <paramref name="text"/>.</summary>
    public string Redact(string text)
    {
        string[] secrets;
        lock (_gate)
        {
            secrets = _secrets;
        }

        foreach (var secret in secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    public override void Write(char value) => Write(value.ToString());

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        lock (_gate)
        {
            _pending.Append(value);
            var text = _pending.ToString();
            var end = text.LastIndexOf('\n');
            if (end < 0)
            {
                return;
            }

            _pending.Remove(0, end + 1);
            _inner.Write(Redact(text[..(end + 1)]));
            _inner.Flush();
        }
    }

    public override void WriteLine(string? value) => Write(value + NewLine);

    public override void WriteLine() => Write(NewLine);

    /// <summary>Writes what is pending, except a tail that could be the start of a secret.</summary>
    public override void Flush()
    {
        lock (_gate)
        {
            var text = Redact(_pending.ToString());
            var keep = LongestSecretPrefixAtEnd(text);
            _pending.Clear().Append(text[(text.Length - keep)..]);
            _inner.Write(text[..(text.Length - keep)]);
            _inner.Flush();
        }
    }

    /// <summary>Writes everything that is pending (end of the run).</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _inner.Write(Redact(_pending.ToString()));
            _pending.Clear();
            _inner.Flush();
        }
    }

    private int LongestSecretPrefixAtEnd(string text)
    {
        var longest = 0;
        foreach (var secret in _secrets)
        {
            for (var length = Math.Min(secret.Length - 1, text.Length); length > longest; length--)
            {
                if (text.AsSpan(text.Length - length).SequenceEqual(secret.AsSpan(0, length)))
                {
                    longest = length;
                    break;
                }
            }
        }

        return longest;
    }
}
