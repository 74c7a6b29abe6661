using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2507; the rule's page is docs/rules/DIPV2507.md and its broken example examples/broken/DIPV2507/.</summary>
public class DIPV2507Tests
{
    [Fact]
    public void Fires_OptionMappingBothWays()
    {
        var diagnostics = RuleVerifier.VerifyWithoutFixture(
            ("case/LabGenre.Table.al", """
            table 50105 "Lab Genre"
            {
                fields
                {
                    field(1; "Code"; Code[10]) { }
                }
            }
            """),
            ("case/CDSLabPublisher.Table.al", """
            table 50102 "CDS cr703_LabPublisher"
            {
                ExternalName = 'cr703_labpublisher';
                TableType = CDS;

                fields
                {
                    field(1; cr703_LabPublisherId; Guid) { ExternalName = 'cr703_labpublisherid'; ExternalType = 'Uniqueidentifier'; ExternalAccess = Insert; }
                    field(4; ModifiedOn; Datetime) { ExternalName = 'modifiedon'; ExternalType = 'DateTime'; ExternalAccess = Read; }
                    field(10; cr703_Code; Text[20]) { ExternalName = 'cr703_code'; ExternalType = 'String'; }
                    field(11; cr703_Name; Text[100]) { ExternalName = 'cr703_name'; ExternalType = 'String'; }
                    field(20; cr703_Genre; Option) { ExternalName = 'cr703_genre'; ExternalType = 'Picklist'; OptionMembers = " ",Fiction,Science; OptionOrdinalValues = -1, 1, 2; }
                }
            }
            """),
            ("case/LabBookIntegration.Codeunit.al", """
            codeunit 50104 "Lab Book Integration"
            {
                [EventSubscriber(ObjectType::Codeunit, Codeunit::"CDS Setup Defaults", 'OnAfterResetConfiguration', '', true, true)]
                local procedure HandleOnAfterResetConfiguration(CDSConnectionSetup: Record "CDS Connection Setup")
                begin
                    ResetLabGenreMapping('LAB GENRE');
                end;

                local procedure ResetLabGenreMapping(IntegrationTableMappingName: Code[20])
                var
                    IntegrationTableMapping: Record "Integration Table Mapping";
                    IntegrationFieldMapping: Record "Integration Field Mapping";
                    LabGenre: Record "Lab Genre";
                    CDSLabPublisher: Record "CDS cr703_LabPublisher";
                begin
                    InsertIntegrationTableMapping(IntegrationTableMapping, IntegrationTableMappingName, Database::"Lab Genre", Database::"CDS cr703_LabPublisher", CDSLabPublisher.FieldNo(cr703_Genre), 0, '', '', true);
                    InsertIntegrationFieldMapping(IntegrationTableMappingName, LabGenre.FieldNo("Code"), CDSLabPublisher.FieldNo(cr703_Genre), {|DIPV2507:IntegrationFieldMapping.Direction::Bidirectional|}, '', true, false);
                end;

                local procedure InsertIntegrationTableMapping(var IntegrationTableMapping: Record "Integration Table Mapping"; MappingName: Code[20]; TableNo: Integer; IntegrationTableNo: Integer; IntegrationTableUIDFieldNo: Integer; IntegrationTableModifiedFieldNo: Integer; TableConfigTemplateCode: Code[10]; IntegrationTableConfigTemplateCode: Code[10]; SynchOnlyCoupledRecords: Boolean)
                begin
                    IntegrationTableMapping.CreateRecord(MappingName, TableNo, IntegrationTableNo, IntegrationTableUIDFieldNo, IntegrationTableModifiedFieldNo, TableConfigTemplateCode, IntegrationTableConfigTemplateCode, SynchOnlyCoupledRecords, {|DIPV2507:IntegrationTableMapping.Direction::Bidirectional|}, 'Dataverse');
                end;

                local procedure InsertIntegrationFieldMapping(IntegrationTableMappingName: Code[20]; TableFieldNo: Integer; IntegrationTableFieldNo: Integer; SynchDirection: Option; ConstValue: Text; ValidateField: Boolean; ValidateIntegrationTableField: Boolean)
                var
                    IntegrationFieldMapping: Record "Integration Field Mapping";
                begin
                    IntegrationFieldMapping.CreateRecord(IntegrationTableMappingName, TableFieldNo, IntegrationTableFieldNo, SynchDirection, ConstValue, ValidateField, ValidateIntegrationTableField);
                end;

                local procedure SetIntegrationFieldMappingNotNull()
                var
                    IntegrationFieldMapping: Record "Integration Field Mapping";
                begin
                    IntegrationFieldMapping.FindLast();
                    IntegrationFieldMapping."Not Null" := true;
                    IntegrationFieldMapping.Modify();
                end;

                local procedure SetIntegrationFieldMappingClearValueOnFailedSync()
                var
                    IntegrationFieldMapping: Record "Integration Field Mapping";
                begin
                    IntegrationFieldMapping.FindLast();
                    IntegrationFieldMapping."Clear Value on Failed Sync" := true;
                    IntegrationFieldMapping.Modify();
                end;
            }
            """));

        var fired = diagnostics.Where(d => d.Id == "DIPV2507").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("Mapping 'LAB GENRE' is an option mapping (its UID field 'cr703_Genre' is Option)", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_OptionMappingBothWays_Fixed() =>
        RuleVerifier.VerifyWithoutFixture(
            ("case/LabGenre.Table.al", """
            table 50105 "Lab Genre"
            {
                fields
                {
                    field(1; "Code"; Code[10]) { }
                }
            }
            """),
            ("case/CDSLabPublisher.Table.al", """
            table 50102 "CDS cr703_LabPublisher"
            {
                ExternalName = 'cr703_labpublisher';
                TableType = CDS;

                fields
                {
                    field(1; cr703_LabPublisherId; Guid) { ExternalName = 'cr703_labpublisherid'; ExternalType = 'Uniqueidentifier'; ExternalAccess = Insert; }
                    field(4; ModifiedOn; Datetime) { ExternalName = 'modifiedon'; ExternalType = 'DateTime'; ExternalAccess = Read; }
                    field(10; cr703_Code; Text[20]) { ExternalName = 'cr703_code'; ExternalType = 'String'; }
                    field(11; cr703_Name; Text[100]) { ExternalName = 'cr703_name'; ExternalType = 'String'; }
                    field(20; cr703_Genre; Option) { ExternalName = 'cr703_genre'; ExternalType = 'Picklist'; OptionMembers = " ",Fiction,Science; OptionOrdinalValues = -1, 1, 2; }
                }
            }
            """),
            ("case/LabBookIntegration.Codeunit.al", """
            codeunit 50104 "Lab Book Integration"
            {
                [EventSubscriber(ObjectType::Codeunit, Codeunit::"CDS Setup Defaults", 'OnAfterResetConfiguration', '', true, true)]
                local procedure HandleOnAfterResetConfiguration(CDSConnectionSetup: Record "CDS Connection Setup")
                begin
                    ResetLabGenreMapping('LAB GENRE');
                end;

                local procedure ResetLabGenreMapping(IntegrationTableMappingName: Code[20])
                var
                    IntegrationTableMapping: Record "Integration Table Mapping";
                    IntegrationFieldMapping: Record "Integration Field Mapping";
                    LabGenre: Record "Lab Genre";
                    CDSLabPublisher: Record "CDS cr703_LabPublisher";
                begin
                    InsertIntegrationTableMapping(IntegrationTableMapping, IntegrationTableMappingName, Database::"Lab Genre", Database::"CDS cr703_LabPublisher", CDSLabPublisher.FieldNo(cr703_Genre), 0, '', '', true);
                    InsertIntegrationFieldMapping(IntegrationTableMappingName, LabGenre.FieldNo("Code"), CDSLabPublisher.FieldNo(cr703_Genre), IntegrationFieldMapping.Direction::ToIntegrationTable, '', true, false);
                end;

                local procedure InsertIntegrationTableMapping(var IntegrationTableMapping: Record "Integration Table Mapping"; MappingName: Code[20]; TableNo: Integer; IntegrationTableNo: Integer; IntegrationTableUIDFieldNo: Integer; IntegrationTableModifiedFieldNo: Integer; TableConfigTemplateCode: Code[10]; IntegrationTableConfigTemplateCode: Code[10]; SynchOnlyCoupledRecords: Boolean)
                begin
                    IntegrationTableMapping.CreateRecord(MappingName, TableNo, IntegrationTableNo, IntegrationTableUIDFieldNo, IntegrationTableModifiedFieldNo, TableConfigTemplateCode, IntegrationTableConfigTemplateCode, SynchOnlyCoupledRecords, IntegrationTableMapping.Direction::ToIntegrationTable, 'Dataverse');
                end;

                local procedure InsertIntegrationFieldMapping(IntegrationTableMappingName: Code[20]; TableFieldNo: Integer; IntegrationTableFieldNo: Integer; SynchDirection: Option; ConstValue: Text; ValidateField: Boolean; ValidateIntegrationTableField: Boolean)
                var
                    IntegrationFieldMapping: Record "Integration Field Mapping";
                begin
                    IntegrationFieldMapping.CreateRecord(IntegrationTableMappingName, TableFieldNo, IntegrationTableFieldNo, SynchDirection, ConstValue, ValidateField, ValidateIntegrationTableField);
                end;

                local procedure SetIntegrationFieldMappingNotNull()
                var
                    IntegrationFieldMapping: Record "Integration Field Mapping";
                begin
                    IntegrationFieldMapping.FindLast();
                    IntegrationFieldMapping."Not Null" := true;
                    IntegrationFieldMapping.Modify();
                end;

                local procedure SetIntegrationFieldMappingClearValueOnFailedSync()
                var
                    IntegrationFieldMapping: Record "Integration Field Mapping";
                begin
                    IntegrationFieldMapping.FindLast();
                    IntegrationFieldMapping."Clear Value on Failed Sync" := true;
                    IntegrationFieldMapping.Modify();
                end;
            }
            """));
}
