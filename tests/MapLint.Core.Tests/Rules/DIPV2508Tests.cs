using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2508; the rule's page is docs/rules/DIPV2508.md and its broken example examples/broken/DIPV2508/.</summary>
public class DIPV2508Tests
{
    [Fact]
    public void Fires_NotNullOnTextField()
    {
        var diagnostics = RuleVerifier.VerifyWithoutFixture(
            ("case/LabPublisher.Table.al", """
            table 50100 "Lab Publisher"
            {
                fields
                {
                    field(1; "Code"; Code[20]) { Caption = 'Code'; }
                    field(2; Name; Text[100]) { Caption = 'Name'; }
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
                }
            }
            """),
            ("case/LabBookIntegration.Codeunit.al", """
            codeunit 50104 "Lab Book Integration"
            {
                [EventSubscriber(ObjectType::Codeunit, Codeunit::"CDS Setup Defaults", 'OnAfterResetConfiguration', '', true, true)]
                local procedure HandleOnAfterResetConfiguration(CDSConnectionSetup: Record "CDS Connection Setup")
                begin
                    ResetLabPublisherMapping('LABPUBLISHER');
                end;

                local procedure ResetLabPublisherMapping(IntegrationTableMappingName: Code[20])
                var
                    IntegrationTableMapping: Record "Integration Table Mapping";
                    IntegrationFieldMapping: Record "Integration Field Mapping";
                    LabPublisher: Record "Lab Publisher";
                    CDSLabPublisher: Record "CDS cr703_LabPublisher";
                begin
                    InsertIntegrationTableMapping(IntegrationTableMapping, IntegrationTableMappingName, Database::"Lab Publisher", Database::"CDS cr703_LabPublisher", CDSLabPublisher.FieldNo(cr703_LabPublisherId), CDSLabPublisher.FieldNo(ModifiedOn), '', '', true);
                    InsertIntegrationFieldMapping(IntegrationTableMappingName, LabPublisher.FieldNo("Code"), CDSLabPublisher.FieldNo(cr703_Code), IntegrationFieldMapping.Direction::Bidirectional, '', true, false);
                    InsertIntegrationFieldMapping(IntegrationTableMappingName, LabPublisher.FieldNo(Name), CDSLabPublisher.FieldNo(cr703_Name), IntegrationFieldMapping.Direction::Bidirectional, '', true, false);
                    SetIntegrationFieldMappingNotNull();
                end;

                local procedure InsertIntegrationTableMapping(var IntegrationTableMapping: Record "Integration Table Mapping"; MappingName: Code[20]; TableNo: Integer; IntegrationTableNo: Integer; IntegrationTableUIDFieldNo: Integer; IntegrationTableModifiedFieldNo: Integer; TableConfigTemplateCode: Code[10]; IntegrationTableConfigTemplateCode: Code[10]; SynchOnlyCoupledRecords: Boolean)
                begin
                    IntegrationTableMapping.CreateRecord(MappingName, TableNo, IntegrationTableNo, IntegrationTableUIDFieldNo, IntegrationTableModifiedFieldNo, TableConfigTemplateCode, IntegrationTableConfigTemplateCode, SynchOnlyCoupledRecords, IntegrationTableMapping.Direction::Bidirectional, 'Dataverse');
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
                    IntegrationFieldMapping.{|DIPV2508:"Not Null"|} := true;
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

        var fired = diagnostics.Where(d => d.Id == "DIPV2508").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("Not Null applies to GUID fields only (such as OwnerId), but integration field 'cr703_Name' of 'CDS cr703_LabPublisher' is Text[100]", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_NotNullOnTextField_Fixed() =>
        RuleVerifier.VerifyWithoutFixture(
            ("case/LabPublisher.Table.al", """
            table 50100 "Lab Publisher"
            {
                fields
                {
                    field(1; "Code"; Code[20]) { Caption = 'Code'; }
                    field(2; Name; Text[100]) { Caption = 'Name'; }
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
                }
            }
            """),
            ("case/LabBookIntegration.Codeunit.al", """
            codeunit 50104 "Lab Book Integration"
            {
                [EventSubscriber(ObjectType::Codeunit, Codeunit::"CDS Setup Defaults", 'OnAfterResetConfiguration', '', true, true)]
                local procedure HandleOnAfterResetConfiguration(CDSConnectionSetup: Record "CDS Connection Setup")
                begin
                    ResetLabPublisherMapping('LABPUBLISHER');
                end;

                local procedure ResetLabPublisherMapping(IntegrationTableMappingName: Code[20])
                var
                    IntegrationTableMapping: Record "Integration Table Mapping";
                    IntegrationFieldMapping: Record "Integration Field Mapping";
                    LabPublisher: Record "Lab Publisher";
                    CDSLabPublisher: Record "CDS cr703_LabPublisher";
                begin
                    InsertIntegrationTableMapping(IntegrationTableMapping, IntegrationTableMappingName, Database::"Lab Publisher", Database::"CDS cr703_LabPublisher", CDSLabPublisher.FieldNo(cr703_LabPublisherId), CDSLabPublisher.FieldNo(ModifiedOn), '', '', true);
                    InsertIntegrationFieldMapping(IntegrationTableMappingName, LabPublisher.FieldNo("Code"), CDSLabPublisher.FieldNo(cr703_Code), IntegrationFieldMapping.Direction::Bidirectional, '', true, false);
                    InsertIntegrationFieldMapping(IntegrationTableMappingName, LabPublisher.FieldNo(Name), CDSLabPublisher.FieldNo(cr703_Name), IntegrationFieldMapping.Direction::Bidirectional, '', true, false);
                end;

                local procedure InsertIntegrationTableMapping(var IntegrationTableMapping: Record "Integration Table Mapping"; MappingName: Code[20]; TableNo: Integer; IntegrationTableNo: Integer; IntegrationTableUIDFieldNo: Integer; IntegrationTableModifiedFieldNo: Integer; TableConfigTemplateCode: Code[10]; IntegrationTableConfigTemplateCode: Code[10]; SynchOnlyCoupledRecords: Boolean)
                begin
                    IntegrationTableMapping.CreateRecord(MappingName, TableNo, IntegrationTableNo, IntegrationTableUIDFieldNo, IntegrationTableModifiedFieldNo, TableConfigTemplateCode, IntegrationTableConfigTemplateCode, SynchOnlyCoupledRecords, IntegrationTableMapping.Direction::Bidirectional, 'Dataverse');
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
