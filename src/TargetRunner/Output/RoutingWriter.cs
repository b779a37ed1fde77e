using System.Text;
using TargetRunner.Execution;

namespace TargetRunner.Output;

/// <summary>
/// Installed once as <see cref="Console.Out"/>/<see cref="Console.Error"/>: sends what code writes to the console to
/// the current run's redacting writer (found through the async context, so parallel in-process runs stay apart),
/// or to the original console outside a run.
/// </summary>
internal sealed class RoutingWriter : TextWriter
{
    private static readonly object s_gate = new();
    private static bool s_installed;

    [ThreadStatic]
    private static bool s_writing;

    private readonly TextWriter _fallback;
    private readonly Func<RunContext, TextWriter> _select;

    private RoutingWriter(TextWriter fallback, Func<RunContext, TextWriter> select)
    {
        _fallback = fallback;
        _select = select;
    }

    /// <summary>The console's own stdout, from before the router was installed.</summary>
    public static TextWriter OriginalOut { get; private set; } = Console.Out;

    /// <summary>The console's own stderr, from before the router was installed.</summary>
    public static TextWriter OriginalError { get; private set; } = Console.Error;

    public override Encoding Encoding => _fallback.Encoding;

    public static void EnsureInstalled()
    {
        lock (s_gate)
        {
            if (s_installed)
            {
                return;
            }

            OriginalOut = Console.Out;
            OriginalError = Console.Error;
            Console.SetOut(new RoutingWriter(OriginalOut, c => c.ConsoleOut));
            Console.SetError(new RoutingWriter(OriginalError, c => c.ConsoleError));
            s_installed = true;
        }
    }

    public override void Write(char value) => Route(w => w.Write(value));

    public override void Write(string? value) => Route(w => w.Write(value));

    public override void Write(char[] buffer, int index, int count) => Route(w => w.Write(buffer, index, count));

    public override void WriteLine(string? value) => Route(w => w.WriteLine(value));

    public override void WriteLine() => Route(w => w.WriteLine());

    public override void Flush() => Route(w => w.Flush());

    private void Route(Action<TextWriter> write)
    {
        // A run whose writer is itself the console would loop; write such nested calls to the original console.
        var nested = s_writing;
        var target = !nested && RunContext.Current is { } context ? _select(context) : _fallback;
        s_writing = true;
        try
        {
            write(target);
        }
        finally
        {
            s_writing = nested;
        }
    }
}
