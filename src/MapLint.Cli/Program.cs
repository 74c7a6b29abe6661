using System.Globalization;

namespace MapLint.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        int exit = MapLintCommand.Run(args);

        // For the bench harness (MAPLINT_PHASES=1): what the whole process allocated and paused for GC, on stderr.
        if (Environment.GetEnvironmentVariable("MAPLINT_PHASES") is { Length: > 0 })
        {
            Console.Error.Write(string.Create(CultureInfo.InvariantCulture,
                $"maplint-phases: process allocated {GC.GetTotalAllocatedBytes(precise: false) / 1048576.0:0.0} MB paused {GC.GetTotalPauseDuration().TotalSeconds:0.000} s gen0 {GC.CollectionCount(0)} gen1 {GC.CollectionCount(1)} gen2 {GC.CollectionCount(2)}\n"));
        }

        return exit;
    }
}
