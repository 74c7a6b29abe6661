# Business Central cases for scripts/generate-rule-cases.py (run from it: CASES, case() and S() are its own).
# AL written in the shapes of the public record, cited once here for every case:
# * codeunit "CDS Setup Defaults": StefanMaron/MSDyn365BC.Code.History, BaseApp/Source/Base Application/
#   Integration/Dataverse/CDSSetupDefaults.Codeunit.al @ fe52c90fa518195bb959b90ca4da343fc6d91dea
#   (wrappers InsertIntegrationTableMapping/InsertIntegrationFieldMapping, SetIntegrationFieldMappingNotNull,
#   SetIntegrationFieldMappingClearValueOnFailedSync, "Dependency Filter" assignments, option mappings);
# * tables 5335/5336 (IntegrationTableMapping.Table.al, IntegrationFieldMapping.Table.al of the same history):
#   CreateRecord signatures, OptionMappingCannotBeBidirectionalErr, NotNullIsApplicableForGUIDErr, DirectionFieldsErr;
# * proxy tables as altpgen writes them (run by microsoft/bc2dataverse src/proxyGen.ts @ fed56606d1c03f0e322d82846d4aaaec1e8ad304):
#   TableType = CDS, ExternalName/ExternalType/ExternalAccess;
# * Microsoft Learn, "Customizing an integration with Microsoft Dataverse" (administration-custom-cds-integration):
#   the OnAfterResetConfiguration subscriber and the Lab Book sample tables.

def al_table(id, name, fields, proxy=None):
    head = ['table %d "%s"' % (id, name), '{']
    if proxy:
        head += ["    ExternalName = '%s';" % proxy, '    TableType = CDS;', '']
    body = ['    fields', '    {'] + ['        ' + f for f in fields] + ['    }', '}']
    return '\n'.join(head + body) + '\n'

def pub_table(extra=(), code='Code[20]', name='Text[100]'):
    return al_table(50100, 'Lab Publisher', ['field(1; "Code"; %s) { Caption = \'Code\'; }' % code, 'field(2; Name; %s) { Caption = \'Name\'; }' % name] + list(extra))

def pub_proxy(code='Text[20]', name_external="'cr703_name'", extra=()):
    return al_table(50102, 'CDS cr703_LabPublisher', [
        "field(1; cr703_LabPublisherId; Guid) { ExternalName = 'cr703_labpublisherid'; ExternalType = 'Uniqueidentifier'; ExternalAccess = Insert; }",
        "field(4; ModifiedOn; Datetime) { ExternalName = 'modifiedon'; ExternalType = 'DateTime'; ExternalAccess = Read; }",
        "field(10; cr703_Code; %s) { ExternalName = 'cr703_code'; ExternalType = 'String'; }" % code,
        "field(11; cr703_Name; Text[100]) { ExternalName = %s; ExternalType = 'String'; }" % name_external] + list(extra), proxy='cr703_labpublisher')

def book_table():
    return al_table(50101, 'Lab Book', [
        'field(1; "No."; Code[20]) { }',
        'field(2; Title; Text[100]) { }',
        'field(6; "Publisher Code"; Code[20]) { TableRelation = "Lab Publisher"; }'])

def book_proxy(extra=()):
    return al_table(50103, 'CDS cr703_LabBook', [
        "field(1; cr703_LabBookId; Guid) { ExternalName = 'cr703_labbookid'; ExternalType = 'Uniqueidentifier'; ExternalAccess = Insert; }",
        "field(4; ModifiedOn; Datetime) { ExternalName = 'modifiedon'; ExternalType = 'DateTime'; ExternalAccess = Read; }",
        "field(10; cr703_No; Text[20]) { ExternalName = 'cr703_no'; ExternalType = 'String'; }",
        "field(11; cr703_Title; Text[100]) { ExternalName = 'cr703_title'; ExternalType = 'String'; }",
        "field(15; cr703_Publisher; Guid) { ExternalName = 'cr703_publisher'; ExternalType = 'Lookup'; TableRelation = \"CDS cr703_LabPublisher\".cr703_LabPublisherId; }"] + list(extra), proxy='cr703_labbook')

WRAPPERS = '''
    local procedure InsertIntegrationTableMapping(var IntegrationTableMapping: Record "Integration Table Mapping"; MappingName: Code[20]; TableNo: Integer; IntegrationTableNo: Integer; IntegrationTableUIDFieldNo: Integer; IntegrationTableModifiedFieldNo: Integer; TableConfigTemplateCode: Code[10]; IntegrationTableConfigTemplateCode: Code[10]; SynchOnlyCoupledRecords: Boolean)
    begin
        IntegrationTableMapping.CreateRecord(MappingName, TableNo, IntegrationTableNo, IntegrationTableUIDFieldNo, IntegrationTableModifiedFieldNo, TableConfigTemplateCode, IntegrationTableConfigTemplateCode, SynchOnlyCoupledRecords, %s, 'Dataverse');
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
        IntegrationFieldMapping.{{NOTNULL}} := true;
        IntegrationFieldMapping.Modify();
    end;

    local procedure SetIntegrationFieldMappingClearValueOnFailedSync()
    var
        IntegrationFieldMapping: Record "Integration Field Mapping";
    begin
        IntegrationFieldMapping.FindLast();
        IntegrationFieldMapping.{{CLEAR}} := true;
        IntegrationFieldMapping.Modify();
    end;
'''

def codeunit(calls, procs, table_direction='IntegrationTableMapping.Direction::Bidirectional', not_null='"Not Null"', clear='"Clear Value on Failed Sync"'):
    out = ['codeunit 50104 "Lab Book Integration"', '{',
           "    [EventSubscriber(ObjectType::Codeunit, Codeunit::\"CDS Setup Defaults\", 'OnAfterResetConfiguration', '', true, true)]",
           '    local procedure HandleOnAfterResetConfiguration(CDSConnectionSetup: Record "CDS Connection Setup")',
           '    begin'] + ['        ' + c for c in calls] + ['    end;']
    text = '\n'.join(out) + '\n' + ''.join(procs) + (WRAPPERS % table_direction).replace('{{NOTNULL}}', not_null).replace('{{CLEAR}}', clear) + '}\n'
    return text

def pub_mapping(name_param='IntegrationTableMappingName', uid='CDSLabPublisher.FieldNo(cr703_LabPublisherId)', modified='CDSLabPublisher.FieldNo(ModifiedOn)', fields=None, after_insert=(), proc='ResetLabPublisherMapping'):
    fields = fields if fields is not None else [
        'InsertIntegrationFieldMapping(IntegrationTableMappingName, LabPublisher.FieldNo("Code"), CDSLabPublisher.FieldNo(cr703_Code), IntegrationFieldMapping.Direction::Bidirectional, \'\', true, false);',
        'InsertIntegrationFieldMapping(IntegrationTableMappingName, LabPublisher.FieldNo(Name), CDSLabPublisher.FieldNo(cr703_Name), IntegrationFieldMapping.Direction::Bidirectional, \'\', true, false);']
    lines = ['', '    local procedure %s(IntegrationTableMappingName: Code[20])' % proc, '    var',
             '        IntegrationTableMapping: Record "Integration Table Mapping";',
             '        IntegrationFieldMapping: Record "Integration Field Mapping";',
             '        LabPublisher: Record "Lab Publisher";',
             '        CDSLabPublisher: Record "CDS cr703_LabPublisher";',
             '    begin',
             '        InsertIntegrationTableMapping(IntegrationTableMapping, %s, Database::"Lab Publisher", Database::"CDS cr703_LabPublisher", %s, %s, \'\', \'\', true);' % (name_param, uid, modified)]
    lines += ['        ' + a for a in after_insert]
    lines += ['        ' + f for f in fields] + ['    end;', '']
    return '\n'.join(lines)

def book_mapping(filter_literal="'LABPUBLISHER'", publisher_field='LabBook.FieldNo("Publisher Code")', after_publisher=()):
    lines = ['', '    local procedure ResetLabBookMapping(IntegrationTableMappingName: Code[20])', '    var',
             '        IntegrationTableMapping: Record "Integration Table Mapping";',
             '        IntegrationFieldMapping: Record "Integration Field Mapping";',
             '        LabBook: Record "Lab Book";',
             '        CDSLabBook: Record "CDS cr703_LabBook";',
             '    begin',
             '        InsertIntegrationTableMapping(IntegrationTableMapping, IntegrationTableMappingName, Database::"Lab Book", Database::"CDS cr703_LabBook", CDSLabBook.FieldNo(cr703_LabBookId), CDSLabBook.FieldNo(ModifiedOn), \'\', \'\', true);']
    if filter_literal is not None:
        lines += ['        IntegrationTableMapping."Dependency Filter" := %s;' % filter_literal, '        IntegrationTableMapping.Modify();']
    lines += ['        InsertIntegrationFieldMapping(IntegrationTableMappingName, LabBook.FieldNo("No."), CDSLabBook.FieldNo(cr703_No), IntegrationFieldMapping.Direction::Bidirectional, \'\', true, false);',
              '        InsertIntegrationFieldMapping(IntegrationTableMappingName, LabBook.FieldNo(Title), CDSLabBook.FieldNo(cr703_Title), IntegrationFieldMapping.Direction::Bidirectional, \'\', true, false);',
              '        InsertIntegrationFieldMapping(IntegrationTableMappingName, %s, CDSLabBook.FieldNo(cr703_Publisher), IntegrationFieldMapping.Direction::Bidirectional, \'\', true, false);' % publisher_field]
    lines += ['        ' + a for a in after_publisher] + ['    end;', '']
    return '\n'.join(lines)

PUB_CALL = ["ResetLabPublisherMapping('LABPUBLISHER');"]
BOOK_CALLS = ["ResetLabPublisherMapping('LABPUBLISHER');", "ResetLabBookMapping('LABBOOK');"]

def pub_case(cu, table=None, proxy=None):
    return [("case/LabPublisher.Table.al", table or pub_table()), ("case/CDSLabPublisher.Table.al", proxy or pub_proxy()), ("case/LabBookIntegration.Codeunit.al", cu)]

def book_case(cu, pub_proxy_text=None):
    return [("case/LabPublisher.Table.al", pub_table()), ("case/CDSLabPublisher.Table.al", pub_proxy_text or pub_proxy()), ("case/LabBook.Table.al", book_table()), ("case/CDSLabBook.Table.al", book_proxy()), ("case/LabBookIntegration.Codeunit.al", cu)]

def F(field, proxy_field, direction='Bidirectional', bc='LabPublisher'):
    return 'InsertIntegrationFieldMapping(IntegrationTableMappingName, %s.FieldNo(%s), CDSLabPublisher.FieldNo(%s), IntegrationFieldMapping.Direction::%s, \'\', true, false);' % (bc, field, proxy_field, direction)

CLEAN_PUB = pub_case(codeunit(PUB_CALL, [pub_mapping()]))

case("DIPV2500", "UnterminatedText",
     [("case/LabPublisher.Table.al", "table 50100 \"Lab Publisher\"\n{\n    Caption = {|DIPV2500:'|}Lab Publisher;\n\n    fields\n    {\n        field(1; \"Code\"; Code[20]) { }\n    }\n}\n")],
     "This text is not closed: the quote (') has no closing quote on its line",
     [("case/LabPublisher.Table.al", "table 50100 \"Lab Publisher\"\n{\n    Caption = 'Lab Publisher';\n\n    fields\n    {\n        field(1; \"Code\"; Code[20]) { }\n    }\n}\n")],
     fixture="none")

DYNAMIC = '''
    local procedure ResetLabPublisherMapping(IntegrationTableMappingName: Code[20])
    var
        IntegrationTableMapping: Record "Integration Table Mapping";
        RecRefTable: RecordRef;
        RecRefCDS: RecordRef;
    begin
        RecRefTable.Open(Database::"Lab Publisher");
        RecRefCDS.Open(Database::"CDS cr703_LabPublisher");
        InsertIntegrationTableMapping(IntegrationTableMapping, IntegrationTableMappingName, %s, %s, 1, 4, '', '', true);
    end;
'''
case("DIPV2501", "MappingBuiltFromRecordRef",
     pub_case(codeunit(PUB_CALL, [DYNAMIC % ('{|DIPV2501:RecRefTable.Number|}', 'RecRefCDS.Number')])),
     "An integration table mapping cannot be checked statically: its table is not a constant: it comes from 'RecRefTable.Number'",
     CLEAN_PUB, fixture="none")

case("DIPV2502", "DependencyNotInFilter",
     book_case(codeunit(BOOK_CALLS, [pub_mapping(), book_mapping(filter_literal=None, publisher_field='{|DIPV2502:LabBook.FieldNo("Publisher Code")|}')])),
     "Field 'Publisher Code' of 'Lab Book' relates to table 'Lab Publisher', which mapping 'LABPUBLISHER' synchronizes, but mapping 'LABBOOK' does not name it in its Dependency Filter",
     book_case(codeunit(BOOK_CALLS, [pub_mapping(), book_mapping()])), fixture="none")

case("DIPV2503", "DependencyFilterNamesUnknownMapping",
     book_case(codeunit(BOOK_CALLS, [pub_mapping(), book_mapping(filter_literal="{|DIPV2503:'LABPUBLISHER|CURRENCIES'|}")])),
     "The Dependency Filter of mapping 'LABBOOK' names 'CURRENCIES', which no integration table mapping of the repository or the base application is called",
     book_case(codeunit(BOOK_CALLS, [pub_mapping(), book_mapping(filter_literal="'LABPUBLISHER|CURRENCY'")])), fixture="none")

case("DIPV2504", "DependencyFiltersFormACycle",
     book_case(codeunit(BOOK_CALLS, [pub_mapping(after_insert=['IntegrationTableMapping."Dependency Filter" := \'LABBOOK\';']), book_mapping(filter_literal="{|DIPV2504:'LABPUBLISHER'|}")])),
     "Dependency Filters form a cycle: 'LABBOOK' → 'LABPUBLISHER' → 'LABBOOK'",
     book_case(codeunit(BOOK_CALLS, [pub_mapping(), book_mapping()])), fixture="none")

ONE_WAY = ['IntegrationTableMapping.Direction := IntegrationTableMapping.Direction::ToIntegrationTable;', 'IntegrationTableMapping.Modify();']
case("DIPV2505", "FieldSyncsAgainstItsTable",
     pub_case(codeunit(PUB_CALL, [pub_mapping(after_insert=ONE_WAY, fields=[F('"Code"', 'cr703_Code', 'ToIntegrationTable'), F('Name', 'cr703_Name', 'FromIntegrationTable').replace('IntegrationFieldMapping.Direction::FromIntegrationTable', '{|DIPV2505:IntegrationFieldMapping.Direction::FromIntegrationTable|}')])])),
     "This field mapping synchronizes FromIntegrationTable but table mapping 'LABPUBLISHER' synchronizes ToIntegrationTable only",
     pub_case(codeunit(PUB_CALL, [pub_mapping(after_insert=ONE_WAY, fields=[F('"Code"', 'cr703_Code', 'ToIntegrationTable'), F('Name', 'cr703_Name', 'Bidirectional')])])), fixture="none")

TO_ONLY = [F('"Code"', 'cr703_Code', 'ToIntegrationTable'), F('Name', 'cr703_Name', 'ToIntegrationTable')]
case("DIPV2506", "NoFieldInTheTableDirection",
     pub_case(codeunit(PUB_CALL, [pub_mapping(fields=TO_ONLY)], table_direction='{|DIPV2506:IntegrationTableMapping.Direction::Bidirectional|}')),
     "Table mapping 'LABPUBLISHER' synchronizes Bidirectional, but none of its 2 enabled field mappings has that direction",
     pub_case(codeunit(PUB_CALL, [pub_mapping(fields=TO_ONLY)], table_direction='IntegrationTableMapping.Direction::ToIntegrationTable')), fixture="none")

GENRE_PROXY = pub_proxy(extra=["field(20; cr703_Genre; Option) { ExternalName = 'cr703_genre'; ExternalType = 'Picklist'; OptionMembers = \" \",Fiction,Science; OptionOrdinalValues = -1, 1, 2; }"])
GENRE_TABLE = al_table(50105, 'Lab Genre', ['field(1; "Code"; Code[10]) { }'])
def genre_mapping(direction):
    return '''
    local procedure ResetLabGenreMapping(IntegrationTableMappingName: Code[20])
    var
        IntegrationTableMapping: Record "Integration Table Mapping";
        IntegrationFieldMapping: Record "Integration Field Mapping";
        LabGenre: Record "Lab Genre";
        CDSLabPublisher: Record "CDS cr703_LabPublisher";
    begin
        InsertIntegrationTableMapping(IntegrationTableMapping, IntegrationTableMappingName, Database::"Lab Genre", Database::"CDS cr703_LabPublisher", CDSLabPublisher.FieldNo(cr703_Genre), 0, '', '', true);
        InsertIntegrationFieldMapping(IntegrationTableMappingName, LabGenre.FieldNo("Code"), CDSLabPublisher.FieldNo(cr703_Genre), %s, '', true, false);
    end;
''' % direction
def genre_case(cu):
    return [("case/LabGenre.Table.al", GENRE_TABLE), ("case/CDSLabPublisher.Table.al", GENRE_PROXY), ("case/LabBookIntegration.Codeunit.al", cu)]
case("DIPV2507", "OptionMappingBothWays",
     genre_case(codeunit(["ResetLabGenreMapping('LAB GENRE');"], [genre_mapping('{|DIPV2507:IntegrationFieldMapping.Direction::Bidirectional|}')], table_direction='{|DIPV2507:IntegrationTableMapping.Direction::Bidirectional|}')),
     "Mapping 'LAB GENRE' is an option mapping (its UID field 'cr703_Genre' is Option)",
     genre_case(codeunit(["ResetLabGenreMapping('LAB GENRE');"], [genre_mapping('IntegrationFieldMapping.Direction::ToIntegrationTable')], table_direction='IntegrationTableMapping.Direction::ToIntegrationTable')), fixture="none")

case("DIPV2508", "NotNullOnTextField",
     pub_case(codeunit(PUB_CALL, [pub_mapping(fields=[F('"Code"', 'cr703_Code'), F('Name', 'cr703_Name'), 'SetIntegrationFieldMappingNotNull();'])], not_null='{|DIPV2508:"Not Null"|}')),
     "Not Null applies to GUID fields only (such as OwnerId), but integration field 'cr703_Name' of 'CDS cr703_LabPublisher' is Text[100]",
     CLEAN_PUB, fixture="none")

case("DIPV2509", "NotNullAndClearValue",
     book_case(codeunit(BOOK_CALLS, [pub_mapping(), book_mapping(after_publisher=['SetIntegrationFieldMappingNotNull();', 'SetIntegrationFieldMappingClearValueOnFailedSync();'])], clear='{|DIPV2509:"Clear Value on Failed Sync"|}')),
     "This field mapping sets both Not Null and Clear Value on Failed Sync",
     book_case(codeunit(BOOK_CALLS, [pub_mapping(), book_mapping(after_publisher=['SetIntegrationFieldMappingNotNull();'])])), fixture="none")

case("DIPV2510", "FieldMappedTwice",
     pub_case(codeunit(PUB_CALL, [pub_mapping(fields=[F('"Code"', 'cr703_Code'), F('Name', 'cr703_Name'), F('Name', 'cr703_Name').replace('LabPublisher.FieldNo(Name)', '{|DIPV2510:LabPublisher.FieldNo(Name)|}').replace('CDSLabPublisher.FieldNo(cr703_Name)', '{|DIPV2510:CDSLabPublisher.FieldNo(cr703_Name)|}')])])),
     "Business Central field 'Name' of 'Lab Publisher' is already mapped in table mapping 'LABPUBLISHER' (line",
     CLEAN_PUB, fixture="none")

case("DIPV2511", "FieldNoNamesNoField",
     pub_case(codeunit(PUB_CALL, [pub_mapping(fields=[F('"Code"', 'cr703_Code'), F('{|DIPV2511:Nmae|}', 'cr703_Name')])])),
     "'Nmae' is not a field of table 'Lab Publisher'. Did you mean 'Name'?",
     CLEAN_PUB, fixture="none")

ACTIVE = ['field(3; Active; Boolean) { }']
case("DIPV2512", "BooleanMappedToGuid",
     pub_case(codeunit(PUB_CALL, [pub_mapping(fields=[F('"Code"', 'cr703_Code'), F('Name', 'cr703_Name'), F('Active', 'cr703_LabPublisherId').replace('LabPublisher.FieldNo(Active)', '{|DIPV2512:LabPublisher.FieldNo(Active)|}')])]), table=pub_table(extra=ACTIVE)),
     "Field 'Active' (Boolean) of 'Lab Publisher' is mapped to 'cr703_LabPublisherId' (Guid) of 'CDS cr703_LabPublisher'",
     pub_case(codeunit(PUB_CALL, [pub_mapping()]), table=pub_table(extra=ACTIVE)), fixture="none")

case("DIPV2513", "LongColumnIntoCode20",
     pub_case(codeunit(PUB_CALL, [pub_mapping(fields=[F('"Code"', 'cr703_Code').replace('LabPublisher.FieldNo("Code")', '{|DIPV2513:LabPublisher.FieldNo("Code")|}'), F('Name', 'cr703_Name')])]), proxy=pub_proxy(code='Text[100]')),
     "'Code' (Code[20]) is filled from 'cr703_Code' (Text[100]) when this mapping synchronizes FromIntegrationTable",
     pub_case(codeunit(PUB_CALL, [pub_mapping()])), fixture="none")

case("DIPV2514", "MappingNameOver20Characters",
     pub_case(codeunit(["ResetLabPublisherMapping({|DIPV2514:'LAB-PUBLISHER-DATAVERSE'|});"], [pub_mapping()])),
     "Mapping name 'LAB-PUBLISHER-DATAVERSE' has 23 characters, but the Name of an integration table mapping is Code[20]",
     pub_case(codeunit(["ResetLabPublisherMapping('LABPUBLISHER');"], [pub_mapping()])), fixture="none")

case("DIPV2515", "UidFieldIsText",
     pub_case(codeunit(PUB_CALL, [pub_mapping(uid='CDSLabPublisher.FieldNo({|DIPV2515:cr703_Code|})')])),
     "The Integration Table UID field of mapping 'LABPUBLISHER' is 'cr703_Code' (Text[20]) of 'CDS cr703_LabPublisher'",
     CLEAN_PUB, fixture="none")

case("DIPV2516", "ModifiedOnIsText",
     pub_case(codeunit(PUB_CALL, [pub_mapping(modified='CDSLabPublisher.FieldNo({|DIPV2516:cr703_Name|})')])),
     "The Int. Tbl. Modified On field of mapping 'LABPUBLISHER' is 'cr703_Name' (Text[100]) of 'CDS cr703_LabPublisher'",
     CLEAN_PUB, fixture="none")

def dv_metadata(name_column):
    return '''{
  "kind": "entityMetadata",
  "name": "Lab publishers (Dataverse)",
  "app": "dataverse",
  "entities": {
    "cr703_labpublisher": {
      "companyScope": "global",
      "keys": [["cr703_code"]],
      "fields": {
        "cr703_labpublisherid": {"type": "guid", "readOnly": true},
        "modifiedon": {"type": "dateTime", "readOnly": true},
        "cr703_code": {"type": "string", "maxLength": 20},
        "%s": {"type": "string", "maxLength": 100}
      }
    }
  }
}
''' % name_column
case("DIPV2517", "ColumnNotInDataverseMetadata",
     pub_case(codeunit(PUB_CALL, [pub_mapping()]), proxy=pub_proxy(name_external="{|DIPV2517:'cr703_name'|}")) + [("case/dataverse-metadata.json", dv_metadata("cr703_fullname"))],
     "Column 'cr703_name' does not exist in the Dataverse metadata of table 'cr703_labpublisher'",
     CLEAN_PUB + [("case/dataverse-metadata.json", dv_metadata("cr703_name"))], fixture="none")
