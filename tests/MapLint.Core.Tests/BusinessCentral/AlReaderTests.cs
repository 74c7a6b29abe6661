using System.Text;
using MapLint.BusinessCentral;
using MapLint.Diagnostics;

namespace MapLint.Tests.BusinessCentral;

/// <summary>
/// The AL reader on code in the shapes of the public record: codeunit "CDS Setup Defaults"
/// (StefanMaron/MSDyn365BC.Code.History, BaseApp/Source/Base Application/Integration/Dataverse/
/// CDSSetupDefaults.Codeunit.al @ fe52c90fa518195bb959b90ca4da343fc6d91dea), proxy tables such as
/// CRMTransactioncurrency.Table.al of the same history, microsoft/bc2dataverse's generated mapping codeunit
/// (src/mapFieldsPanel.ts @ fce92a3d4323fc10570c256351e81e8aeca20ead) and the RecordRef-built mapping of a
/// public extension (the "CDS new_Declaration" subscriber found in the public corpus).
/// </summary>
public class AlReaderTests
{
    private static (AlFile File, IReadOnlyList<Diagnostic> Diagnostics) Read(string text, string path = "src/x.al")
    {
        var bag = new DiagnosticBag(path, null);
        var file = AlFileReader.Read(path, Encoding.UTF8.GetBytes(text), bag);
        return (file!, bag.Diagnostics);
    }

    private static BusinessCentralApp App(params string[] files) =>
        BusinessCentralApp.Build(files.Select((t, i) => Read(t, $"src/f{i}.al").File).ToList());

    private static string At(AlFile file, AlLocation location)
    {
        var position = file.Text.GetLinePosition(location.Span.Start);
        return $"{position.Line},{position.Column}:{Encoding.UTF8.GetString(file.Text.Utf8, location.Span.Start, location.Span.Length)}";
    }

    [Fact]
    public void TokensKeepTheirTextAndByteSpans()
    {
        var problems = new List<AlSyntaxProblem>();
        var text = "x := 'it''s'; \"Lab Book\"::1..5 // comment\n/* block */ 2.5 ééé";
        var tokens = AlTokenizer.Tokenize(Encoding.UTF8.GetBytes(text), problems);
        Assert.Empty(problems);
        Assert.Equal(["x", ":=", "it's", ";", "Lab Book", "::", "1", "..", "5", "2.5", "ééé", ""], tokens.Select(t => t.Text));
        Assert.Equal(AlTokenKind.String, tokens[2].Kind);
        Assert.Equal(AlTokenKind.QuotedIdentifier, tokens[4].Kind);
        Assert.Equal((5, 12), (tokens[2].Span.Start, tokens[2].Span.End));
        Assert.Equal(AlTokenKind.End, tokens[^1].Kind);
    }

    [Theory]
    [InlineData("table 1 X { Caption = 'open; }", "This text is not closed", 22)]
    [InlineData("table 1 X { } /* never closed", "This comment is not closed", 14)]
    [InlineData("table 1 \"X { }", "This quoted name is not closed", 8)]
    [InlineData("table 1 X { Caption = `x`; }", "AL has no token starting with the character 0x60", 22)]
    [InlineData("#if CLEAN24\ntable 1 X { }\n", "A '#if' has no '#endif'", 26)]
    [InlineData("table 1 X { fields { field(1; A; Code[20]) { } }", "is not closed: the '{' here has no matching '}'", 10)]
    public void BrokenTextIsReportedWhereItStarts(string text, string message, int offset)
    {
        // The cause is reported where it starts; what it breaks after (an object left open by an open text) may follow.
        var (_, diagnostics) = Read(text);
        Assert.InRange(diagnostics.Count, 1, 2);
        Assert.All(diagnostics, d => Assert.Equal("DIPV2500", d.Id));
        Assert.Contains(diagnostics, d => d.Message.Contains(message, StringComparison.Ordinal) && d.Location.Span.Start == offset);
    }

    [Fact]
    public void PreprocessorKeepsTheFirstBranch()
    {
        var (file, diagnostics) = Read("""
            table 50100 "Lab Book"
            {
                fields
                {
            #if not CLEAN24
                    field(1; "No."; Code[20]) { }
            #else
                    field(1; "No."; Code[30]) { }
            #endif
                }
            }
            """);
        Assert.Empty(diagnostics);
        var field = Assert.Single(Assert.Single(file.Objects).Fields);
        Assert.Equal("Code[20]", field.Type.ToString());
    }

    [Fact]
    public void TablesFieldsAndRelationsAreRead()
    {
        var (file, diagnostics) = Read("""
            namespace Contoso.Lab;
            using Microsoft.Finance.Currency;

            table 5345 "CRM Transactioncurrency"
            {
                ExternalName = 'transactioncurrency';
                TableType = CRM;

                fields
                {
                    field(5; ModifiedBy; GUID)
                    {
                        ExternalAccess = Read;
                        ExternalName = 'modifiedby';
                        ExternalType = 'Lookup';
                        TableRelation = "CRM Systemuser".SystemUserId;
                    }
                    field(14; ISOCurrencyCode; Text[5]) { ExternalName = 'isocurrencycode'; ExternalType = 'String'; ExternalAccess = Insert; }
                    field(16; ModifiedByName; Text[200])
                    {
                        CalcFormula = Lookup("CRM Systemuser".FullName WHERE(SystemUserId = FIELD(ModifiedBy)));
                        FieldClass = FlowField;
                        trigger OnValidate()
                        var
                            x: Integer;
                        begin
                            if x = 1 then begin x := 2; end;
                        end;
                    }
                    field(20; "Bill-to"; Code[20]) { TableRelation = if ("Type" = const(Customer)) Customer where(Blocked = const(false)) else Vendor; }
                }
                keys { key(PK; ModifiedBy) { Clustered = true; } }
            }

            tableextension 50100 "Lab Customer" extends Customer
            {
                fields { field(50100; "Lab Code"; Code[20]) { } }
            }
            """);
        Assert.Empty(diagnostics);
        var table = file.Objects[0];
        Assert.True(table.IsProxy);
        Assert.Equal("transactioncurrency", table.ExternalName!.Value.Text);
        Assert.Equal(["ModifiedBy", "ISOCurrencyCode", "ModifiedByName", "Bill-to"], table.Fields.Select(f => f.Name.Text));
        Assert.Equal("Guid", table.Fields[0].Type.Kind);
        Assert.Equal(["CRM Systemuser"], table.Fields[0].RelatedTables.Select(t => t.Text));
        Assert.Equal("Lookup", table.Fields[0].ExternalType!.Value.Text);
        Assert.Equal("Read", table.Fields[0].ExternalAccess!.Value.Text);
        Assert.Equal(5, table.Fields[1].Type.Length);
        Assert.True(table.Fields[2].IsFlow);
        Assert.Equal(["Customer", "Vendor"], table.Fields[3].RelatedTables.Select(t => t.Text));
        Assert.Equal("Customer", file.Objects[1].Extends!.Value.Text);
        Assert.Equal(AlObjectKind.TableExtension, file.Objects[1].Kind);
    }

    private const string SetupDefaults = """
        codeunit 50104 "Lab Setup Defaults"
        {
            var
                PublisherMappingNameTxt: Label 'LABPUBLISHER', Locked = true;

            procedure ResetConfiguration(IsTeamOwnershipModel: Boolean)
            begin
                ResetPublisherMapping(PublisherMappingNameTxt);
                ResetBookMapping('LABBOOK', IsTeamOwnershipModel);
            end;

            local procedure ResetPublisherMapping(IntegrationTableMappingName: Code[20])
            var
                IntegrationTableMapping: Record "Integration Table Mapping";
                IntegrationFieldMapping: Record "Integration Field Mapping";
                LabPublisher: Record "Lab Publisher";
                CDSLabPublisher: Record "CDS cr703_LabPublisher";
                FieldMappingDirection: Option;
            begin
                InsertIntegrationTableMapping(
                  IntegrationTableMapping, IntegrationTableMappingName,
                  DATABASE::"Lab Publisher", DATABASE::"CDS cr703_LabPublisher",
                  CDSLabPublisher.FieldNo(cr703_LabPublisherId), CDSLabPublisher.FieldNo(ModifiedOn),
                  '', '', true);
                FieldMappingDirection := IntegrationFieldMapping.Direction::ToIntegrationTable;
                InsertIntegrationFieldMapping(IntegrationTableMappingName, LabPublisher.FieldNo("Code"), CDSLabPublisher.FieldNo(cr703_Code), FieldMappingDirection, '', true, false);
                InsertIntegrationFieldMapping(IntegrationTableMappingName, 0, CDSLabPublisher.FieldNo(cr703_Kind), 1, Format(CDSLabPublisher.cr703_Kind::Publisher), false, false);
            end;

            local procedure ResetBookMapping(IntegrationTableMappingName: Code[20]; IsTeamOwnershipModel: Boolean)
            var
                IntegrationTableMapping: Record "Integration Table Mapping";
                IntegrationFieldMapping: Record "Integration Field Mapping";
                LabBook: Record "Lab Book";
                CDSLabBook: Record "CDS cr703_LabBook";
            begin
                InsertIntegrationTableMapping(
                  IntegrationTableMapping, IntegrationTableMappingName,
                  DATABASE::"Lab Book", DATABASE::"CDS cr703_LabBook",
                  CDSLabBook.FieldNo(cr703_LabBookId), CDSLabBook.FieldNo(ModifiedOn),
                  '', '', true);
                if not IsTeamOwnershipModel then
                    IntegrationTableMapping."Dependency Filter" := 'SALESPEOPLE|LABPUBLISHER'
                else
                    IntegrationTableMapping."Dependency Filter" := 'LABPUBLISHER';
                IntegrationTableMapping.Modify();

                InsertIntegrationFieldMapping(IntegrationTableMappingName, LabBook.FieldNo("Publisher Code"), CDSLabBook.FieldNo(cr703_Publisher), IntegrationFieldMapping.Direction::Bidirectional, '', true, false);
                SetIntegrationFieldMappingClearValueOnFailedSync();
            end;

            procedure ResetOptionMappingConfiguration()
            var
                IntegrationTableMapping: Record "Integration Table Mapping";
            begin
                if IntegrationTableMapping.Get('LABPUBLISHER') then begin
                    IntegrationTableMapping.Direction := IntegrationTableMapping.Direction::ToIntegrationTable;
                    IntegrationTableMapping.Modify();
                end;
            end;

            local procedure InsertIntegrationTableMapping(var IntegrationTableMapping: Record "Integration Table Mapping"; MappingName: Code[20]; TableNo: Integer; IntegrationTableNo: Integer; IntegrationTableUIDFieldNo: Integer; IntegrationTableModifiedFieldNo: Integer; TableConfigTemplateCode: Code[10]; IntegrationTableConfigTemplateCode: Code[10]; SynchOnlyCoupledRecords: Boolean)
            var
                Direction: Integer;
            begin
                Direction := GetDefaultDirection(TableNo);
                IntegrationTableMapping.CreateRecord(MappingName, TableNo, IntegrationTableNo, IntegrationTableUIDFieldNo,
                  IntegrationTableModifiedFieldNo, TableConfigTemplateCode, IntegrationTableConfigTemplateCode,
                  SynchOnlyCoupledRecords, Direction, 'Dataverse', Codeunit::"CRM Integration Table Synch.", 0);
            end;

            local procedure InsertIntegrationFieldMapping(IntegrationTableMappingName: Code[20]; TableFieldNo: Integer; IntegrationTableFieldNo: Integer; SynchDirection: Option; ConstValue: Text; ValidateField: Boolean; ValidateIntegrationTableField: Boolean)
            var
                IntegrationFieldMapping: Record "Integration Field Mapping";
            begin
                IntegrationFieldMapping.CreateRecord(IntegrationTableMappingName, TableFieldNo, IntegrationTableFieldNo, SynchDirection,
                  ConstValue, ValidateField, ValidateIntegrationTableField);
            end;

            local procedure SetIntegrationFieldMappingClearValueOnFailedSync()
            var
                IntegrationFieldMapping: Record "Integration Field Mapping";
            begin
                IntegrationFieldMapping.FindLast();
                IntegrationFieldMapping."Clear Value on Failed Sync" := true;
                IntegrationFieldMapping.Modify();
            end;

            local procedure GetDefaultDirection(TableNo: Integer): Integer
            begin
                exit(0);
            end;
        }
        """;

    [Fact]
    public void ConstantsReachTheWrappersThroughLocalCalls()
    {
        var (file, diagnostics) = Read(SetupDefaults);
        Assert.Empty(diagnostics);
        var app = BusinessCentralApp.Build([file]);
        Assert.Empty(app.Dynamic);
        Assert.Equal(["LABPUBLISHER", "LABBOOK"], app.TableMappings.Select(m => m.Name.Value));

        // Names are reported where they are written: the label, and the literal at the call site.
        Assert.Equal("4,40:'LABPUBLISHER'", At(file, app.TableMappings[0].Name.Location));
        Assert.Equal("9,26:'LABBOOK'", At(file, app.TableMappings[1].Name.Location));

        var publisher = app.TableMappings[0];
        Assert.Equal("Lab Publisher", publisher.Table.Value);
        Assert.Equal("CDS cr703_LabPublisher", publisher.IntegrationTable.Value);
        Assert.Equal("cr703_LabPublisherId", publisher.UidField!.Field.Text);
        Assert.Equal("ModifiedOn", publisher.ModifiedOnField!.Field.Text);

        // The computed default direction stays unknown; Get('LABPUBLISHER') then sets it, as ResetOptionMappingConfiguration does.
        Assert.Equal(SyncDirection.ToIntegrationTable, publisher.Direction!.Value.Value);
        Assert.Null(app.TableMappings[1].Direction);

        Assert.Equal(2, publisher.FieldMappings.Count);
        Assert.Equal(SyncDirection.ToIntegrationTable, publisher.FieldMappings[0].Direction!.Value.Value);
        Assert.Null(publisher.FieldMappings[1].Field);
        Assert.Equal(SyncDirection.ToIntegrationTable, publisher.FieldMappings[1].Direction!.Value.Value);
        Assert.NotNull(publisher.FieldMappings[1].ConstantValue);

        // Both branches' Dependency Filters are kept.
        var book = app.TableMappings[1];
        Assert.Equal(["SALESPEOPLE", "LABPUBLISHER", "LABPUBLISHER"], book.Dependencies.Select(d => d.Name));
        Assert.NotNull(Assert.Single(book.FieldMappings).ClearValueOnFailedSync);
    }

    [Fact]
    public void Bc2DataverseShapeWithTableMappingDirectionsOnFields()
    {
        // bc2dataverse writes field directions with the table mapping's option: IntegrationTableMapping.Direction::….
        var app = App("""
            codeunit 50110 "CDS cr703_LabBook-Lab Book Map"
            {
                [EventSubscriber(ObjectType::Codeunit, Codeunit::"CDS Setup Defaults", 'OnAfterResetConfiguration', '', true, true)]
                local procedure HandleOnAfterResetConfiguration(CDSConnectionSetup: Record "CDS Connection Setup")
                begin
                    AddLabBookcr703_labbookMapping('LABBOOK-CDSCR703_LAB', true); // truncated to 20 characters from LABBOOK-CDSCR703_LABBOOK
                end;

                local procedure AddLabBookcr703_labbookMapping(IntegrationTableMappingName: Code[20]; ShouldRecreateJobQueueEntry: Boolean)
                var
                    IntegrationTableMapping: Record "Integration Table Mapping";
                    IntegrationFieldMapping: Record "Integration FIeld Mapping";
                    CDScr703_LabBook: Record "CDS cr703_LabBook";
                    LabBook: Record "Lab Book";
                begin
                    InsertIntegrationTableMapping(
                        IntegrationTableMapping, IntegrationTableMappingName,
                        Database::"Lab Book", Database::"CDS cr703_LabBook",
                        CDScr703_LabBook.FieldNo(cr703_LabBookId), CDScr703_LabBook.FieldNo(ModifiedOn),
                        '', '', true);
                    // Map proxyField cr703_Title to Title
                    InsertIntegrationFieldMapping(IntegrationTableMappingName, LabBook.FieldNo(Title),
                        CDScr703_LabBook.FieldNo(cr703_Title), IntegrationTableMapping.Direction::FromIntegrationTable, '', true, false);
                end;

                local procedure InsertIntegrationFieldMapping(IntegrationTableMappingName: Code[20]; TableFieldNo: Integer; IntegrationTableFieldNo: Integer; SyncDirection: Integer; ConstValue: Text; ValidateField: Boolean; ValidateIntegrationTableField: Boolean)
                var
                    IntegrationFieldMapping: Record "Integration Field Mapping";
                begin
                    IntegrationFieldMapping.CreateRecord(IntegrationTableMappingName, TableFieldNo, IntegrationTableFieldNo, SyncDirection,
                        ConstValue, ValidateField, ValidateIntegrationTableField);
                end;

                local procedure InsertIntegrationTableMapping(var IntegrationTableMapping: Record "Integration Table Mapping"; MappingName: Code[20]; TableNo: Integer; IntegrationTableNo: Integer; IntegrationTableUIDFieldNo: Integer; IntegrationTableModifiedFieldNo: Integer; TableConfigTemplateCode: Code[10]; IntegrationTableConfigTemplateCode: Code[10]; SynchOnlyCoupledRecords: Boolean)
                begin
                    IntegrationTableMapping.CreateRecord(MappingName, TableNo, IntegrationTableNo, IntegrationTableUIDFieldNo,
                        IntegrationTableModifiedFieldNo, TableConfigTemplateCode, IntegrationTableConfigTemplateCode,
                        SynchOnlyCoupledRecords, IntegrationTableMapping.Direction::FromIntegrationTable, 'Dataverse');
                end;
            }
            """);
        var mapping = Assert.Single(app.TableMappings);
        Assert.Equal("LABBOOK-CDSCR703_LAB", mapping.Name.Value);
        Assert.Equal(SyncDirection.FromIntegrationTable, mapping.Direction!.Value.Value);
        Assert.Equal(SyncDirection.FromIntegrationTable, Assert.Single(mapping.FieldMappings).Direction!.Value.Value);
    }

    [Fact]
    public void DynamicMappingsAreReportedNotGuessed()
    {
        var (file, _) = Read("""
            codeunit 50120 "Declarations"
            {
                [EventSubscriber(ObjectType::Codeunit, Codeunit::"CDS Setup Defaults", 'OnAfterResetConfiguration', '', true, true)]
                local procedure HandleOnAfterResetConfiguration(CDSConnectionSetup: Record "CDS Connection Setup")
                var
                    IntegrationTableMapping: Record "Integration Table Mapping";
                    IntegrationFieldMapping: Record "Integration Field Mapping";
                    Setup: Record "Lab Mapping Setup";
                    RecRefCDS: RecordRef;
                begin
                    RecRefCDS.Open(Database::"CDS new_Declaration");
                    IntegrationTableMapping.CreateRecord('DECLARATIONS', Database::Declaration, RecRefCDS.Number, 1, 2, '', '', true, 0, 'CDS');
                    if Setup.FindSet() then
                        repeat
                            IntegrationFieldMapping.CreateRecord('DECLARATIONS', Setup."Field No.", Setup."Integration Field No.", 0, '', true, false);
                        until Setup.Next() = 0;
                end;

                procedure AddMapping(MappingName: Code[20])
                var
                    IntegrationTableMapping: Record "Integration Table Mapping";
                begin
                    IntegrationTableMapping.CreateRecord(MappingName, Database::Declaration, Database::"CDS new_Declaration", 1, 2, '', '', true, 0, 'CDS');
                end;

                local procedure NeverCalled(MappingName: Code[20])
                var
                    IntegrationTableMapping: Record "Integration Table Mapping";
                begin
                    IntegrationTableMapping.CreateRecord(MappingName, Database::Declaration, Database::"CDS new_Declaration", 1, 2, '', '', true, 0, 'CDS');
                end;
            }
            """);
        var app = BusinessCentralApp.Build([file]);
        Assert.Empty(app.TableMappings);
        Assert.Equal(
            [
                "12,85:RecRefCDS.Number|its integration table is not a constant: it comes from 'RecRefCDS.Number'",
                "15,41:CreateRecord|it is created inside a loop",
                "19,26:MappingName|its name is not a constant: it is parameter 'MappingName' of 'AddMapping', which no call in this object passes as a constant",
            ],
            app.Dynamic.Select(d => At(file, d.Site) + "|" + d.Reason).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FilesWithoutMappingsAreSkippedSilently()
    {
        var result = Linter.Run(
        [
            ("src/LabBookCard.Page.al", Encoding.UTF8.GetBytes("page 50100 \"Lab Book Card\"\n{\n    PageType = Card;\n    SourceTable = \"Lab Book\";\n    layout { area(content) { field(\"No.\"; Rec.\"No.\") { } } }\n    trigger OnOpenPage()\n    begin\n        CurrPage.Update();\n    end;\n}\n")),
            ("src/LabBook.Enum.al", Encoding.UTF8.GetBytes("enum 50100 \"Lab Genre\" { Extensible = true; value(0; Fiction) { } value(1; Science) { } }\n")),
            ("src/Empty.al", []),
        ]);
        Assert.Empty(result.Diagnostics);
        Assert.True(result.BusinessCentral.TableMappings.Count == 0 && result.BusinessCentral.Dynamic.Count == 0);
    }
}
