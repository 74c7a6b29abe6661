namespace MapLint.Model;

/// <summary>The apps MapLint knows by name; any other Data Integrator app is accepted as written.</summary>
public static class Apps
{
    public const string FinanceAndOperations = "financeAndOperations";
    public const string Dataverse = "dataverse";

    public static readonly StringComparer NameComparer = StringComparer.OrdinalIgnoreCase;

    public static bool IsFinanceAndOperations(string? app) => NameComparer.Equals(app, FinanceAndOperations);

    public static bool IsDataverse(string? app) => NameComparer.Equals(app, Dataverse);

    public static string DisplayName(string app) =>
        IsFinanceAndOperations(app) ? "finance and operations" : IsDataverse(app) ? "Dataverse" : app;
}
