namespace MapLint.Cli;

public static class Program
{
    public static int Main(string[] args) => MapLintCommand.Run(args);
}
