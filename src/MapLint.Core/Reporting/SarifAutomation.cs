using System.Globalization;

namespace MapLint.Reporting;

/// <summary>
/// The run's <c>automationDetails</c>: the category results are kept under. In an Azure Pipelines run (TF_BUILD
/// set) it carries the pipeline's identity, which GitHub Advanced Security for Azure DevOps needs to accept the log
/// (sarif-multitool's GHAzDO rules: the id under <c>azuredevops/pipeline/build/</c> and the build definition and
/// phase as properties); elsewhere, for GitHub code scanning, the category <c>maplint/</c>.
/// </summary>
public sealed record SarifAutomation(string Id, IReadOnlyList<KeyValuePair<string, string>> Properties)
{
    public static readonly SarifAutomation Default = new("maplint/", []);

    private const string Prefix = "azuredevops/pipeline/build/";

    /// <summary>From the pipeline's predefined variables; <see cref="Default"/> when they are not all there.</summary>
    public static SarifAutomation FromEnvironment(Func<string, string?> variable)
    {
        string? Value(params string[] names) => names.Select(variable).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

        if (Value("TF_BUILD") is not { } build || !(build.Equals("true", StringComparison.OrdinalIgnoreCase) || build == "1"))
        {
            return Default;
        }

        string? definitionId = Value("BUILD_DEFINITIONID", "SYSTEM_DEFINITIONID");
        string? definitionName = Value("BUILD_DEFINITIONNAME");
        string? phaseId = Value("SYSTEM_PHASEID", "SYSTEM_JOBID");
        string? phaseName = Value("SYSTEM_PHASENAME", "SYSTEM_JOBNAME");
        if (!int.TryParse(definitionId, NumberStyles.Integer, CultureInfo.InvariantCulture, out int definition) || definition <= 0
            || definitionName is null || !Guid.TryParse(phaseId, out var phase) || phase == Guid.Empty || phaseName is null)
        {
            return Default;
        }

        string organization = Organization(Value("SYSTEM_COLLECTIONURI")) ?? string.Empty;
        string branch = Value("BUILD_SOURCEBRANCH") is { } b ? (b.StartsWith("refs/", StringComparison.Ordinal) ? b : "refs/heads/" + b) : string.Empty;
        string id = string.Join("/", organization, Value("SYSTEM_TEAMPROJECTID") ?? string.Empty, definition.ToString(CultureInfo.InvariantCulture), phase.ToString("D"), branch, Value("BUILD_BUILDID") ?? string.Empty);
        return new SarifAutomation(Prefix + id, [
            new(Prefix + "buildDefinitionId", definition.ToString(CultureInfo.InvariantCulture)),
            new(Prefix + "buildDefinitionName", definitionName),
            new(Prefix + "phaseId", phase.ToString("D")),
            new(Prefix + "phaseName", phaseName),
        ]);
    }

    /// <summary>The organization of https://dev.azure.com/ORG/ or https://ORG.visualstudio.com/.</summary>
    private static string? Organization(string? collectionUri)
    {
        if (!Uri.TryCreate(collectionUri, UriKind.Absolute, out var uri))
        {
            return null;
        }

        const string Legacy = ".visualstudio.com";
        return uri.Host.EndsWith(Legacy, StringComparison.OrdinalIgnoreCase)
            ? uri.Host[..^Legacy.Length].Replace(".vsrm", string.Empty)
            : uri.AbsolutePath.Trim('/').Split('/')[0];
    }
}
