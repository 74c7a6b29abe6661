// The extension's integration set-up, in the shape of Microsoft's own defaults: codeunit "CDS Setup Defaults"
// (StefanMaron/MSDyn365BC.Code.History, BaseApp/Source/Base Application/Integration/Dataverse/
// CDSSetupDefaults.Codeunit.al, commit fe52c90fa518195bb959b90ca4da343fc6d91dea: Reset…Mapping procedures that
// take the mapping name as a parameter, the InsertIntegrationTableMapping / InsertIntegrationFieldMapping
// wrappers, SetIntegrationFieldMappingNotNull) and the subscriber of Microsoft Learn's walkthrough
// "Customizing an integration with Microsoft Dataverse" (OnAfterResetConfiguration, OnGetCDSTableNo).
codeunit 50104 "Lab Book Integration"
{
    var
        IntegrationTablePrefixTok: Label 'Dataverse', Comment = 'Product name', Locked = true;
        LabPublisherMappingNameTxt: Label 'LABPUBLISHER', Locked = true;

    [EventSubscriber(ObjectType::Codeunit, Codeunit::"CRM Setup Defaults", 'OnGetCDSTableNo', '', false, false)]
    local procedure HandleOnGetCDSTableNo(BCTableNo: Integer; var CDSTableNo: Integer; var handled: Boolean)
    begin
        case BCTableNo of
            Database::"Lab Book":
                CDSTableNo := Database::"CDS cr703_LabBook";
            Database::"Lab Publisher":
                CDSTableNo := Database::"CDS cr703_LabPublisher";
            else
                exit;
        end;
        handled := true;
    end;

    [EventSubscriber(ObjectType::Codeunit, Codeunit::"CDS Setup Defaults", 'OnAfterResetConfiguration', '', true, true)]
    local procedure HandleOnAfterResetConfiguration(CDSConnectionSetup: Record "CDS Connection Setup")
    begin
        ResetLabPublisherMapping(LabPublisherMappingNameTxt);
        ResetLabBookMapping('LABBOOK');
        AddCustomerFieldMappings();
    end;

    local procedure ResetLabPublisherMapping(IntegrationTableMappingName: Code[20])
    var
        IntegrationTableMapping: Record "Integration Table Mapping";
        IntegrationFieldMapping: Record "Integration Field Mapping";
        LabPublisher: Record "Lab Publisher";
        CDSLabPublisher: Record "CDS cr703_LabPublisher";
    begin
        InsertIntegrationTableMapping(
          IntegrationTableMapping, IntegrationTableMappingName,
          Database::"Lab Publisher", Database::"CDS cr703_LabPublisher",
          CDSLabPublisher.FieldNo(cr703_LabPublisherId), CDSLabPublisher.FieldNo(ModifiedOn),
          '', '', true);

        // Code > cr703_code
        InsertIntegrationFieldMapping(
          IntegrationTableMappingName,
          LabPublisher.FieldNo("Code"),
          CDSLabPublisher.FieldNo(cr703_Code),
          IntegrationFieldMapping.Direction::Bidirectional,
          '', true, false);

        // Name > cr703_name
        InsertIntegrationFieldMapping(
          IntegrationTableMappingName,
          LabPublisher.FieldNo(Name),
          CDSLabPublisher.FieldNo(cr703_Name),
          IntegrationFieldMapping.Direction::Bidirectional,
          '', true, false);
    end;

    local procedure ResetLabBookMapping(IntegrationTableMappingName: Code[20])
    var
        IntegrationTableMapping: Record "Integration Table Mapping";
        IntegrationFieldMapping: Record "Integration Field Mapping";
        LabBook: Record "Lab Book";
        CDSLabBook: Record "CDS cr703_LabBook";
    begin
        InsertIntegrationTableMapping(
          IntegrationTableMapping, IntegrationTableMappingName,
          Database::"Lab Book", Database::"CDS cr703_LabBook",
          CDSLabBook.FieldNo(cr703_LabBookId), CDSLabBook.FieldNo(ModifiedOn),
          '', '', true);

        // A book is coupled after its publisher and its currency.
        IntegrationTableMapping."Dependency Filter" := 'LABPUBLISHER|CURRENCY';
        IntegrationTableMapping.Modify();

        InsertIntegrationFieldMapping(IntegrationTableMappingName, LabBook.FieldNo("No."), CDSLabBook.FieldNo(cr703_No), IntegrationFieldMapping.Direction::Bidirectional, '', true, false);
        InsertIntegrationFieldMapping(IntegrationTableMappingName, LabBook.FieldNo(Title), CDSLabBook.FieldNo(cr703_Title), IntegrationFieldMapping.Direction::Bidirectional, '', true, false);
        InsertIntegrationFieldMapping(IntegrationTableMappingName, LabBook.FieldNo(Author), CDSLabBook.FieldNo(cr703_Author), IntegrationFieldMapping.Direction::Bidirectional, '', true, false);
        InsertIntegrationFieldMapping(IntegrationTableMappingName, LabBook.FieldNo(Hardcover), CDSLabBook.FieldNo(cr703_Hardcover), IntegrationFieldMapping.Direction::Bidirectional, '', true, false);
        InsertIntegrationFieldMapping(IntegrationTableMappingName, LabBook.FieldNo("Page Count"), CDSLabBook.FieldNo(cr703_PageCount), IntegrationFieldMapping.Direction::Bidirectional, '', true, false);
        InsertIntegrationFieldMapping(IntegrationTableMappingName, LabBook.FieldNo("List Price"), CDSLabBook.FieldNo(cr703_ListPrice), IntegrationFieldMapping.Direction::Bidirectional, '', true, false);

        // "Publisher Code" > cr703_publisher: a lookup, never cleared by a missing publisher.
        InsertIntegrationFieldMapping(IntegrationTableMappingName, LabBook.FieldNo("Publisher Code"), CDSLabBook.FieldNo(cr703_Publisher), IntegrationFieldMapping.Direction::Bidirectional, '', true, false);
        SetIntegrationFieldMappingNotNull();

        // "Currency Code" > TransactionCurrencyId
        InsertIntegrationFieldMapping(IntegrationTableMappingName, LabBook.FieldNo("Currency Code"), CDSLabBook.FieldNo(TransactionCurrencyId), IntegrationFieldMapping.Direction::Bidirectional, '', true, false);
    end;

    local procedure AddCustomerFieldMappings()
    var
        IntegrationFieldMapping: Record "Integration Field Mapping";
        Customer: Record Customer;
        CRMAccount: Record "CRM Account";
    begin
        // One more column on the base application's CUSTOMER mapping.
        InsertIntegrationFieldMapping('CUSTOMER', Customer.FieldNo("Lab Account Code"), CRMAccount.FieldNo(cr703_LabAccountCode), IntegrationFieldMapping.Direction::ToIntegrationTable, '', true, false);
    end;

    local procedure InsertIntegrationTableMapping(var IntegrationTableMapping: Record "Integration Table Mapping"; MappingName: Code[20]; TableNo: Integer; IntegrationTableNo: Integer; IntegrationTableUIDFieldNo: Integer; IntegrationTableModifiedFieldNo: Integer; TableConfigTemplateCode: Code[10]; IntegrationTableConfigTemplateCode: Code[10]; SynchOnlyCoupledRecords: Boolean)
    begin
        IntegrationTableMapping.CreateRecord(MappingName, TableNo, IntegrationTableNo, IntegrationTableUIDFieldNo,
          IntegrationTableModifiedFieldNo, TableConfigTemplateCode, IntegrationTableConfigTemplateCode,
          SynchOnlyCoupledRecords, IntegrationTableMapping.Direction::Bidirectional, IntegrationTablePrefixTok,
          Codeunit::"CRM Integration Table Synch.", Codeunit::"CDS Int. Table Uncouple");
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
}
