namespace TargetRunner.Output;

/// <summary>ANSI colours, used only on a terminal host with a real console and no <c>NO_COLOR</c>.</summary>
internal static class Ansi
{
    public const string Reset = "\u001b[0m";
    public const string Red = "\u001b[31m";
    public const string Green = "\u001b[32m";
    public const string Yellow = "\u001b[33m";
    public const string Cyan = "\u001b[36m";
    public const string Dim = "\u001b[90m";

    public static string Paint(string text, string? colour, bool enabled) =>
        enabled && colour is not null ? colour + text + Reset : text;
}
