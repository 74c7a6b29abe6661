namespace MapLint.Testing;

/// <summary>
/// A project that consumes the packed MapLint.Build package the way a team's repository does: a PackageReference,
/// restored only from a local folder feed. Shared (linked source) by the build tests and the MSBuild benchmark, so
/// both measure the same consumer.
/// </summary>
internal static class ConsumerProject
{
    public static void Write(string folder, string projectName, string feed)
    {
        File.WriteAllText(Path.Combine(folder, projectName + ".csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="MapLint.Build" Version="0.1.0" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
    }
}
