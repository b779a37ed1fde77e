// Placeholder until the target runner lands (issue 2).
public static class Build
{
    public static int Main() => 0;
}
