namespace MapLint.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        Util.Timings.Mark("runtime: Main entered");
        int exit = MapLintCommand.Run(args);
        Util.Timings.Report(Console.Error);
        return exit;
    }
}
