using MapLint.Analysis;
using MapLint.Diagnostics;

namespace MapLint.Analyzers.BusinessCentral;

/// <summary>
/// DIPV2515: the Integration Table UID field of a mapping is neither a GUID (a Dataverse row's primary key) nor
/// an Option or Enum (an option mapping), so records cannot be coupled by it.
/// </summary>
public sealed class DIPV2515UidFieldNotGuid : Analyzer
{
    public static readonly DiagnosticDescriptor Descriptor = Rule.Error(
        "DIPV2515",
        "Integration Table UID field is not a GUID",
        "The Integration Table UID field of mapping '{0}' is '{1}' ({2}) of '{3}', but couplings store the Dataverse row's id: name the table's primary key, a Guid field (such as {4}).",
        RuleCategory.BusinessCentral);

    public override IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterBusinessCentralAction(context =>
    {
        foreach (var mapping in context.App.TableMappings)
        {
            if (context.App.Resolve(mapping.UidField) is { } uid && !uid.Field.Type.IsGuid && !uid.Field.Type.IsOption)
            {
                var table = context.App.FindTable(mapping.UidField!.Table);
                string candidate = table?.Fields.Select(f => f.Field).FirstOrDefault(f => f.Type.IsGuid && string.Equals(f.ExternalType?.Text, "Uniqueidentifier", StringComparison.OrdinalIgnoreCase))?.Name.Text ?? "its …Id field";
                context.Report(Descriptor, mapping.UidField.FieldLocation, mapping.Name.Value, uid.Field.Name.Text, uid.Field.Type, mapping.UidField.Table, candidate);
            }
        }
    });
}
