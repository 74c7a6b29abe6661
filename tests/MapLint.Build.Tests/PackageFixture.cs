using System.Diagnostics;
using MapLint.Testing;

namespace MapLint.Build.Tests;

/// <summary>Packs the real MapLint.Build package once into a local folder feed, with a package cache of its own.</summary>
public sealed class PackageFixture : IDisposable
{
    public PackageFixture()
    {
        Root = FindRoot();
        Temp = Directory.CreateTempSubdirectory("maplint-build-").FullName;
        Feed = Path.Combine(Temp, "feed");
        Packages = Path.Combine(Temp, "packages");

        // A configuration name of its own: this build never touches the binaries other test runs use; no restore,
        // since the test run restored the solution and a second restore could race the CLI tests' pack.
        var (exit, output) = Run("dotnet", ["pack", "src/MapLint.Build/MapLint.Build.csproj", "--no-restore", "--configuration", "BuildTaskTest", "-p:PackMapLintBuild=true", "--output", Feed], Root);
        if (exit != 0)
        {
            throw new InvalidOperationException("packing MapLint.Build failed:\n" + output);
        }
    }

    public string Root { get; }

    public string Temp { get; }

    public string Feed { get; }

    public string Packages { get; }

    public void Dispose() => Directory.Delete(Temp, true);

    /// <summary>A consumer project referencing MapLint.Build, restoring only from the local feed.</summary>
    public string Consumer(string name, bool withCode, string mapsFrom)
    {
        string folder = Directory.CreateDirectory(Path.Combine(Temp, name)).FullName;
        ConsumerProject.Write(folder, name, Feed);
        if (withCode)
        {
            File.WriteAllText(Path.Combine(folder, "Deployment.cs"), "namespace Contoso.Maps;\n\npublic static class Deployment\n{\n    public const string Environment = \"contoso\";\n}\n");
        }

        string maps = Directory.CreateDirectory(Path.Combine(folder, "maps")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(Root, mapsFrom)))
        {
            File.Copy(file, Path.Combine(maps, Path.GetFileName(file)));
        }

        return folder;
    }

    public (int ExitCode, string Output) Build(string project, params string[] extra) =>
        Run("dotnet", ["build", "--nologo", .. extra], project, new Dictionary<string, string> { ["NUGET_PACKAGES"] = Packages, ["MSBUILDDISABLENODEREUSE"] = "1" });

    public static (int ExitCode, string Output) Run(string file, IEnumerable<string> args, string workingDirectory, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MapLint.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("MapLint.sln not found");
    }
}
