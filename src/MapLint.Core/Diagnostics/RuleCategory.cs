namespace MapLint.Diagnostics;

/// <summary>The part of a map or project a rule inspects; shown in `maplint rules` and on rule pages.</summary>
public enum RuleCategory
{
    Document,
    Connection,
    Project,
    Organization,
    IntegrationKey,
    Mapping,
    Schema,
    DataType,
    Filter,
    Sync,
    Internal,
    BusinessCentral,
}
