using MapLint.Tests.Infrastructure;

namespace MapLint.Tests.BusinessCentral;

/// <summary>
/// Code in the exact shapes of the base application's own set-up stays silent: codeunit "CDS Setup Defaults"
/// (StefanMaron/MSDyn365BC.Code.History, BaseApp/Source/Base Application/Integration/Dataverse/
/// CDSSetupDefaults.Codeunit.al @ fe52c90fa518195bb959b90ca4da343fc6d91dea) gives CONTACT the Dependency Filter
/// 'CUSTOMER|VENDOR' although contacts also have a currency (CUSTOMER waits for CURRENCY) and an owner (Not Null),
/// and turns its option mappings one way in ResetOptionMappingConfiguration (Get, Direction, ModifyAll).
/// </summary>
public class BaseApplicationShapeTests
{
    private static string Setup(bool modifyAll) => $$"""
        codeunit 50130 "Contoso Setup Defaults"
        {
            procedure ResetConfiguration()
            begin
                ResetContactMapping('LAB CONTACT');
                ResetShipmentMethodMapping('LAB SHIPMENT');
                ResetOptionMappingConfiguration();
            end;

            local procedure ResetContactMapping(IntegrationTableMappingName: Code[20])
            var
                IntegrationTableMapping: Record "Integration Table Mapping";
                IntegrationFieldMapping: Record "Integration Field Mapping";
                CRMContact: Record "CRM Contact";
                Contact: Record Contact;
            begin
                InsertIntegrationTableMapping(
                  IntegrationTableMapping, IntegrationTableMappingName,
                  DATABASE::Contact, DATABASE::"CRM Contact",
                  CRMContact.FieldNo(ContactId), CRMContact.FieldNo(ModifiedOn),
                  '', '', true);
                IntegrationTableMapping."Dependency Filter" := 'CUSTOMER|VENDOR';
                IntegrationTableMapping.Modify();

                // Salesperson Code > OwnerId
                InsertIntegrationFieldMapping(
                  IntegrationTableMappingName,
                  Contact.FieldNo("Salesperson Code"),
                  CRMContact.FieldNo(OwnerId),
                  IntegrationFieldMapping.Direction::ToIntegrationTable,
                  '', true, false);
                SetIntegrationFieldMappingNotNull();

                // "Currency Code" > TransactionCurrencyId
                InsertIntegrationFieldMapping(
                  IntegrationTableMappingName,
                  Contact.FieldNo("Currency Code"),
                  CRMContact.FieldNo(TransactionCurrencyId),
                  IntegrationFieldMapping.Direction::Bidirectional,
                  '', true, false);
            end;

            local procedure ResetShipmentMethodMapping(IntegrationTableMappingName: Code[20])
            var
                IntegrationTableMapping: Record "Integration Table Mapping";
                IntegrationFieldMapping: Record "Integration Field Mapping";
                ShipmentMethod: Record "Shipment Method";
                CRMAccount: Record "CRM Account";
            begin
                InsertIntegrationTableMapping(
                  IntegrationTableMapping, IntegrationTableMappingName,
                  DATABASE::"Shipment Method", DATABASE::"CRM Account",
                  CRMAccount.FieldNo(Address1_FreightTermsCodeEnum), 0,
                  '', '', true);

                // Code > "CRM Account".Address1_FreightTermsCode
                InsertIntegrationFieldMapping(
                  IntegrationTableMappingName,
                  ShipmentMethod.FieldNo(Code),
                  CRMAccount.FieldNo(Address1_FreightTermsCodeEnum),
                  {{(modifyAll ? "IntegrationFieldMapping.Direction::FromIntegrationTable" : "{|DIPV2505:IntegrationFieldMapping.Direction::FromIntegrationTable|}")}},
                  '', true, false);
            end;

            procedure ResetOptionMappingConfiguration()
            var
                IntegrationTableMapping: Record "Integration Table Mapping";
                IntegrationFieldMapping: Record "Integration Field Mapping";
            begin
                if IntegrationTableMapping.Get('LAB SHIPMENT') then begin
                    IntegrationTableMapping."Synch. Only Coupled Records" := true;
                    IntegrationTableMapping.Direction := {{(modifyAll ? "IntegrationTableMapping.Direction::ToIntegrationTable" : "{|DIPV2506:IntegrationTableMapping.Direction::ToIntegrationTable|}")}};
                    IntegrationTableMapping.Modify();
                    IntegrationFieldMapping.SetRange("Integration Table Mapping Name", IntegrationTableMapping.Name);
                    {{(modifyAll ? "IntegrationFieldMapping.ModifyAll(Direction, IntegrationFieldMapping.Direction::ToIntegrationTable);" : "// no ModifyAll")}}
                end;
            end;

            local procedure InsertIntegrationTableMapping(var IntegrationTableMapping: Record "Integration Table Mapping"; MappingName: Code[20]; TableNo: Integer; IntegrationTableNo: Integer; IntegrationTableUIDFieldNo: Integer; IntegrationTableModifiedFieldNo: Integer; TableConfigTemplateCode: Code[10]; IntegrationTableConfigTemplateCode: Code[10]; SynchOnlyCoupledRecords: Boolean)
            var
                Direction: Integer;
            begin
                Direction := GetDefaultDirection(TableNo);
                IntegrationTableMapping.CreateRecord(MappingName, TableNo, IntegrationTableNo, IntegrationTableUIDFieldNo,
                  IntegrationTableModifiedFieldNo, TableConfigTemplateCode, IntegrationTableConfigTemplateCode,
                  SynchOnlyCoupledRecords, Direction, 'Dynamics CRM', Codeunit::"CRM Integration Table Synch.", 0);
            end;

            local procedure InsertIntegrationFieldMapping(IntegrationTableMappingName: Code[20]; TableFieldNo: Integer; IntegrationTableFieldNo: Integer; SynchDirection: Option; ConstValue: Text; ValidateField: Boolean; ValidateIntegrationTableField: Boolean)
            var
                IntegrationFieldMapping: Record "Integration Field Mapping";
            begin
                IntegrationFieldMapping.CreateRecord(IntegrationTableMappingName, TableFieldNo, IntegrationTableFieldNo, SynchDirection,
                  ConstValue, ValidateField, ValidateIntegrationTableField);
            end;

            local procedure SetIntegrationFieldMappingNotNull()
            var
                IntegrationFieldMapping: Record "Integration Field Mapping";
            begin
                IntegrationFieldMapping.FindLast();
                IntegrationFieldMapping."Not Null" := true;
                IntegrationFieldMapping.Modify();
            end;

            procedure GetDefaultDirection(NAVTableID: Integer): Integer
            var
                IntegrationTableMapping: Record "Integration Table Mapping";
            begin
                case NAVTableID of
                    DATABASE::Contact:
                        exit(IntegrationTableMapping.Direction::Bidirectional);
                    DATABASE::"Shipment Method":
                        exit(IntegrationTableMapping.Direction::ToIntegrationTable);
                end;
            end;
        }
        """;

    [Fact]
    public void TheBaseApplicationsOwnShapesAreClean() =>
        RuleVerifier.VerifyWithoutFixture(("src/ContosoSetupDefaults.Codeunit.al", Setup(modifyAll: true)));

    [Fact]
    public void WithoutModifyAllTheOptionMappingConflictsWithItsField()
    {
        var diagnostics = RuleVerifier.VerifyWithoutFixture(("src/ContosoSetupDefaults.Codeunit.al", Setup(modifyAll: false)));
        Assert.Contains(diagnostics, d => d.Id == "DIPV2506" && d.Message.StartsWith("Table mapping 'LAB SHIPMENT' synchronizes ToIntegrationTable, but none of its 1 enabled field mappings", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutTheTransitiveFilterTheCurrencyIsMissing()
    {
        string code = Setup(modifyAll: true).Replace("'CUSTOMER|VENDOR'", "'VENDOR'", StringComparison.Ordinal);
        Assert.Empty(RuleVerifier.VerifyWithoutFixture(("src/ContosoSetupDefaults.Codeunit.al", code)));
        string without = Setup(modifyAll: true).Replace("'CUSTOMER|VENDOR'", "'SALESPEOPLE'", StringComparison.Ordinal)
            .Replace("Contact.FieldNo(\"Currency Code\")", "{|DIPV2502:Contact.FieldNo(\"Currency Code\")|}", StringComparison.Ordinal);
        var diagnostics = RuleVerifier.VerifyWithoutFixture(("src/ContosoSetupDefaults.Codeunit.al", without));
        Assert.Contains("relates to table 'Currency', which mapping 'CURRENCY' synchronizes, but mapping 'LAB CONTACT' does not name it", Assert.Single(diagnostics).Message, StringComparison.Ordinal);
    }
}
