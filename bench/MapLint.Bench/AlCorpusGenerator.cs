using System.Globalization;
using System.Text;

namespace MapLint.Bench;

/// <summary>
/// A generated Business Central AL repository, deterministic from its size: per integration (five files) a table,
/// its Dataverse proxy table, a codeunit creating the mapping in the shape of CDS Setup Defaults (subscriber,
/// Reset…Mapping with the name as a parameter, wrappers, Dependency Filter on the previous integration, whose
/// table the new one relates to) and two pages, which carry no mapping (as most of a real repository's files).
/// The corpus is clean: a check of it reports nothing.
/// </summary>
public static class AlCorpusGenerator
{
    public static void Write(string output, int files)
    {
        Directory.CreateDirectory(output);
        int integrations = Math.Max(1, files / 5);
        for (int k = 0; k < integrations; k++)
        {
            string n = k.ToString("D4", CultureInfo.InvariantCulture);
            Write(output, $"src/Table{n}.Table.al", Table(k, n));
            Write(output, $"src/Proxy{n}.Table.al", Proxy(k, n));
            Write(output, $"src/Integration{n}.Codeunit.al", Codeunit(k, n));
            Write(output, $"src/List{n}.Page.al", Page(50000 + (2 * k), n, "List"));
            Write(output, $"src/Card{n}.Page.al", Page(50001 + (2 * k), n, "Card"));
        }
    }

    private static void Write(string output, string path, string text)
    {
        string full = Path.Combine(output, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text, new UTF8Encoding(false));
    }

    private static string Table(int k, string n)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"table {50000 + k} \"Item Record {n}\"\n{{\n    Caption = 'Item Record {n}';\n    DataClassification = CustomerContent;\n\n    fields\n    {{\n");
        text.Append("        field(1; \"No.\"; Code[20]) { Caption = 'No.'; NotBlank = true; }\n");
        text.Append("        field(2; Description; Text[100]) { Caption = 'Description'; }\n");
        for (int f = 3; f <= 12; f++)
        {
            text.Append(CultureInfo.InvariantCulture, $"        field({f}; \"Attribute {f}\"; Text[50])\n        {{\n            Caption = 'Attribute {f}';\n            DataClassification = CustomerContent;\n        }}\n");
        }

        text.Append("        field(13; Quantity; Decimal) { Caption = 'Quantity'; DecimalPlaces = 0 : 5; }\n");
        text.Append("        field(14; Blocked; Boolean) { Caption = 'Blocked'; }\n");
        if (k > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"        field(15; \"Parent No.\"; Code[20]) {{ Caption = 'Parent No.'; TableRelation = \"Item Record {(k - 1).ToString("D4", CultureInfo.InvariantCulture)}\"; }}\n");
        }

        text.Append("    }\n\n    keys\n    {\n        key(PK; \"No.\") { Clustered = true; }\n        key(Description; Description) { }\n    }\n\n    trigger OnInsert()\n    begin\n        if \"No.\" = '' then\n            Error('No. must have a value.');\n    end;\n}\n");
        return text.ToString();
    }

    private static string Proxy(int k, string n)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"table {60000 + k} \"CDS cr1_item{n}\"\n{{\n    ExternalName = 'cr1_item{n}';\n    TableType = CDS;\n    Description = 'Generated proxy.';\n\n    fields\n    {{\n");
        text.Append(CultureInfo.InvariantCulture, $"        field(1; cr1_item{n}Id; Guid) {{ ExternalName = 'cr1_item{n}id'; ExternalType = 'Uniqueidentifier'; ExternalAccess = Insert; Caption = 'Id'; }}\n");
        text.Append("        field(2; CreatedOn; Datetime) { ExternalName = 'createdon'; ExternalType = 'DateTime'; ExternalAccess = Read; }\n");
        text.Append("        field(4; ModifiedOn; Datetime) { ExternalName = 'modifiedon'; ExternalType = 'DateTime'; ExternalAccess = Read; }\n");
        text.Append("        field(10; cr1_No; Text[20]) { ExternalName = 'cr1_no'; ExternalType = 'String'; }\n");
        text.Append("        field(11; cr1_Description; Text[100]) { ExternalName = 'cr1_description'; ExternalType = 'String'; }\n");
        for (int f = 3; f <= 12; f++)
        {
            text.Append(CultureInfo.InvariantCulture, $"        field({10 + f}; cr1_Attribute{f}; Text[50]) {{ ExternalName = 'cr1_attribute{f}'; ExternalType = 'String'; }}\n");
        }

        text.Append("        field(30; cr1_Quantity; Decimal) { ExternalName = 'cr1_quantity'; ExternalType = 'Decimal'; }\n");
        text.Append("        field(31; cr1_Blocked; Boolean) { ExternalName = 'cr1_blocked'; ExternalType = 'Boolean'; }\n");
        if (k > 0)
        {
            string parent = (k - 1).ToString("D4", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"        field(32; cr1_Parent; Guid) {{ ExternalName = 'cr1_parent'; ExternalType = 'Lookup'; TableRelation = \"CDS cr1_item{parent}\".cr1_item{parent}Id; }}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"    }}\n\n    keys\n    {{\n        key(PK; cr1_item{n}Id) {{ Clustered = true; }}\n    }}\n}}\n");
        return text.ToString();
    }

    private static string Codeunit(int k, string n)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"codeunit {70000 + k} \"Integration {n}\"\n{{\n    var\n        MappingNameTxt: Label 'ITEM{n}', Locked = true;\n\n");
        text.Append("    [EventSubscriber(ObjectType::Codeunit, Codeunit::\"CDS Setup Defaults\", 'OnAfterResetConfiguration', '', true, true)]\n");
        text.Append("    local procedure HandleOnAfterResetConfiguration(CDSConnectionSetup: Record \"CDS Connection Setup\")\n    begin\n        ResetMapping(MappingNameTxt);\n    end;\n\n");
        text.Append(CultureInfo.InvariantCulture, $"    local procedure ResetMapping(IntegrationTableMappingName: Code[20])\n    var\n        IntegrationTableMapping: Record \"Integration Table Mapping\";\n        IntegrationFieldMapping: Record \"Integration Field Mapping\";\n        Source: Record \"Item Record {n}\";\n        Proxy: Record \"CDS cr1_item{n}\";\n    begin\n");
        text.Append(CultureInfo.InvariantCulture, $"        InsertIntegrationTableMapping(\n          IntegrationTableMapping, IntegrationTableMappingName,\n          Database::\"Item Record {n}\", Database::\"CDS cr1_item{n}\",\n          Proxy.FieldNo(cr1_item{n}Id), Proxy.FieldNo(ModifiedOn),\n          '', '', true);\n");
        if (k > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"        IntegrationTableMapping.\"Dependency Filter\" := 'ITEM{(k - 1).ToString("D4", CultureInfo.InvariantCulture)}';\n        IntegrationTableMapping.Modify();\n");
        }

        text.Append("\n        InsertIntegrationFieldMapping(IntegrationTableMappingName, Source.FieldNo(\"No.\"), Proxy.FieldNo(cr1_No), IntegrationFieldMapping.Direction::Bidirectional, '', true, false);\n");
        text.Append("        InsertIntegrationFieldMapping(IntegrationTableMappingName, Source.FieldNo(Description), Proxy.FieldNo(cr1_Description), IntegrationFieldMapping.Direction::Bidirectional, '', true, false);\n");
        for (int f = 3; f <= 12; f++)
        {
            text.Append(CultureInfo.InvariantCulture, $"        // Attribute {f}\n        InsertIntegrationFieldMapping(\n          IntegrationTableMappingName,\n          Source.FieldNo(\"Attribute {f}\"),\n          Proxy.FieldNo(cr1_Attribute{f}),\n          IntegrationFieldMapping.Direction::Bidirectional,\n          '', true, false);\n");
        }

        text.Append("        InsertIntegrationFieldMapping(IntegrationTableMappingName, Source.FieldNo(Quantity), Proxy.FieldNo(cr1_Quantity), IntegrationFieldMapping.Direction::ToIntegrationTable, '', true, false);\n");
        text.Append("        InsertIntegrationFieldMapping(IntegrationTableMappingName, Source.FieldNo(Blocked), Proxy.FieldNo(cr1_Blocked), IntegrationFieldMapping.Direction::Bidirectional, '', true, false);\n");
        if (k > 0)
        {
            text.Append("        InsertIntegrationFieldMapping(IntegrationTableMappingName, Source.FieldNo(\"Parent No.\"), Proxy.FieldNo(cr1_Parent), IntegrationFieldMapping.Direction::Bidirectional, '', true, false);\n");
        }

        text.Append("    end;\n\n");
        text.Append("    local procedure InsertIntegrationTableMapping(var IntegrationTableMapping: Record \"Integration Table Mapping\"; MappingName: Code[20]; TableNo: Integer; IntegrationTableNo: Integer; IntegrationTableUIDFieldNo: Integer; IntegrationTableModifiedFieldNo: Integer; TableConfigTemplateCode: Code[10]; IntegrationTableConfigTemplateCode: Code[10]; SynchOnlyCoupledRecords: Boolean)\n");
        text.Append("    begin\n        IntegrationTableMapping.CreateRecord(MappingName, TableNo, IntegrationTableNo, IntegrationTableUIDFieldNo,\n          IntegrationTableModifiedFieldNo, TableConfigTemplateCode, IntegrationTableConfigTemplateCode,\n          SynchOnlyCoupledRecords, IntegrationTableMapping.Direction::Bidirectional, 'Dataverse');\n    end;\n\n");
        text.Append("    local procedure InsertIntegrationFieldMapping(IntegrationTableMappingName: Code[20]; TableFieldNo: Integer; IntegrationTableFieldNo: Integer; SynchDirection: Option; ConstValue: Text; ValidateField: Boolean; ValidateIntegrationTableField: Boolean)\n");
        text.Append("    var\n        IntegrationFieldMapping: Record \"Integration Field Mapping\";\n    begin\n        IntegrationFieldMapping.CreateRecord(IntegrationTableMappingName, TableFieldNo, IntegrationTableFieldNo, SynchDirection,\n          ConstValue, ValidateField, ValidateIntegrationTableField);\n    end;\n}\n");
        return text.ToString();
    }

    private static string Page(int id, string n, string type)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"page {id} \"Item Record {type} {n}\"\n{{\n    PageType = {type};\n    SourceTable = \"Item Record {n}\";\n    ApplicationArea = All;\n    UsageCategory = Lists;\n\n    layout\n    {{\n        area(content)\n        {{\n            repeater(Lines)\n            {{\n");
        text.Append("                field(\"No.\"; Rec.\"No.\") { ApplicationArea = All; ToolTip = 'Specifies the number.'; }\n");
        text.Append("                field(Description; Rec.Description) { ApplicationArea = All; ToolTip = 'Specifies the description.'; }\n");
        for (int f = 3; f <= 12; f++)
        {
            text.Append(CultureInfo.InvariantCulture, $"                field(\"Attribute {f}\"; Rec.\"Attribute {f}\") {{ ApplicationArea = All; }}\n");
        }

        text.Append("            }\n        }\n    }\n\n    actions\n    {\n        area(processing)\n        {\n            action(Refresh)\n            {\n                ApplicationArea = All;\n                trigger OnAction()\n                begin\n                    CurrPage.Update(false);\n                end;\n            }\n        }\n    }\n}\n");
        return text.ToString();
    }
}
