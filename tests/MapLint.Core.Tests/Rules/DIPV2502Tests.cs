using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.Rules;

/// <summary>Tests of DIPV2502; the rule's page is docs/rules/DIPV2502.md and its broken example examples/broken/DIPV2502/.</summary>
public class DIPV2502Tests
{
    [Fact]
    public void Fires_DependencyNotInFilter()
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
            ("case/LabBook.Table.al", """
            table 50101 "Lab Book"
            {
                fields
                {
                    field(1; "No."; Code[20]) { }
                    field(2; Title; Text[100]) { }
                    field(6; "Publisher Code"; Code[20]) { TableRelation = "Lab Publisher"; }
                }
            }
            """),
            ("case/CDSLabBook.Table.al", """
            table 50103 "CDS cr703_LabBook"
            {
                ExternalName = 'cr703_labbook';
                TableType = CDS;

                fields
                {
                    field(1; cr703_LabBookId; Guid) { ExternalName = 'cr703_labbookid'; ExternalType = 'Uniqueidentifier'; ExternalAccess = Insert; }
                    field(4; ModifiedOn; Datetime) { ExternalName = 'modifiedon'; ExternalType = 'DateTime'; ExternalAccess = Read; }
                    field(10; cr703_No; Text[20]) { ExternalName = 'cr703_no'; ExternalType = 'String'; }
                    field(11; cr703_Title; Text[100]) { ExternalName = 'cr703_title'; ExternalType = 'String'; }
                    field(15; cr703_Publisher; Guid) { ExternalName = 'cr703_publisher'; ExternalType = 'Lookup'; TableRelation = "CDS cr703_LabPublisher".cr703_LabPublisherId; }
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
                    ResetLabBookMapping('LABBOOK');
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

                local procedure ResetLabBookMapping(IntegrationTableMappingName: Code[20])
                var
                    IntegrationTableMapping: Record "Integration Table Mapping";
                    IntegrationFieldMapping: Record "Integration Field Mapping";
                    LabBook: Record "Lab Book";
                    CDSLabBook: Record "CDS cr703_LabBook";
                begin
                    InsertIntegrationTableMapping(IntegrationTableMapping, IntegrationTableMappingName, Database::"Lab Book", Database::"CDS cr703_LabBook", CDSLabBook.FieldNo(cr703_LabBookId), CDSLabBook.FieldNo(ModifiedOn), '', '', true);
                    InsertIntegrationFieldMapping(IntegrationTableMappingName, LabBook.FieldNo("No."), CDSLabBook.FieldNo(cr703_No), IntegrationFieldMapping.Direction::Bidirectional, '', true, false);
                    InsertIntegrationFieldMapping(IntegrationTableMappingName, LabBook.FieldNo(Title), CDSLabBook.FieldNo(cr703_Title), IntegrationFieldMapping.Direction::Bidirectional, '', true, false);
                    InsertIntegrationFieldMapping(IntegrationTableMappingName, {|DIPV2502:LabBook.FieldNo("Publisher Code")|}, CDSLabBook.FieldNo(cr703_Publisher), IntegrationFieldMapping.Direction::Bidirectional, '', true, false);
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

        var fired = diagnostics.Where(d => d.Id == "DIPV2502").ToList();
        Assert.NotEmpty(fired);
        Assert.Contains("Field 'Publisher Code' of 'Lab Book' relates to table 'Lab Publisher', which mapping 'LABPUBLISHER' synchronizes, but mapping 'LABBOOK' does not name it in its Dependency Filter", fired[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Silent_DependencyNotInFilter_Fixed() =>
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
            ("case/LabBook.Table.al", """
            table 50101 "Lab Book"
            {
                fields
                {
                    field(1; "No."; Code[20]) { }
                    field(2; Title; Text[100]) { }
                    field(6; "Publisher Code"; Code[20]) { TableRelation = "Lab Publisher"; }
                }
            }
            """),
            ("case/CDSLabBook.Table.al", """
            table 50103 "CDS cr703_LabBook"
            {
                ExternalName = 'cr703_labbook';
                TableType = CDS;

                fields
                {
                    field(1; cr703_LabBookId; Guid) { ExternalName = 'cr703_labbookid'; ExternalType = 'Uniqueidentifier'; ExternalAccess = Insert; }
                    field(4; ModifiedOn; Datetime) { ExternalName = 'modifiedon'; ExternalType = 'DateTime'; ExternalAccess = Read; }
                    field(10; cr703_No; Text[20]) { ExternalName = 'cr703_no'; ExternalType = 'String'; }
                    field(11; cr703_Title; Text[100]) { ExternalName = 'cr703_title'; ExternalType = 'String'; }
                    field(15; cr703_Publisher; Guid) { ExternalName = 'cr703_publisher'; ExternalType = 'Lookup'; TableRelation = "CDS cr703_LabPublisher".cr703_LabPublisherId; }
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
                    ResetLabBookMapping('LABBOOK');
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

                local procedure ResetLabBookMapping(IntegrationTableMappingName: Code[20])
                var
                    IntegrationTableMapping: Record "Integration Table Mapping";
                    IntegrationFieldMapping: Record "Integration Field Mapping";
                    LabBook: Record "Lab Book";
                    CDSLabBook: Record "CDS cr703_LabBook";
                begin
                    InsertIntegrationTableMapping(IntegrationTableMapping, IntegrationTableMappingName, Database::"Lab Book", Database::"CDS cr703_LabBook", CDSLabBook.FieldNo(cr703_LabBookId), CDSLabBook.FieldNo(ModifiedOn), '', '', true);
                    IntegrationTableMapping."Dependency Filter" := 'LABPUBLISHER';
                    IntegrationTableMapping.Modify();
                    InsertIntegrationFieldMapping(IntegrationTableMappingName, LabBook.FieldNo("No."), CDSLabBook.FieldNo(cr703_No), IntegrationFieldMapping.Direction::Bidirectional, '', true, false);
                    InsertIntegrationFieldMapping(IntegrationTableMappingName, LabBook.FieldNo(Title), CDSLabBook.FieldNo(cr703_Title), IntegrationFieldMapping.Direction::Bidirectional, '', true, false);
                    InsertIntegrationFieldMapping(IntegrationTableMappingName, LabBook.FieldNo("Publisher Code"), CDSLabBook.FieldNo(cr703_Publisher), IntegrationFieldMapping.Direction::Bidirectional, '', true, false);
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
