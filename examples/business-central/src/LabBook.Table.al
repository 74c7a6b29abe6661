// The custom table of Microsoft's walkthrough ("Lab Book"), with two relations: to the extension's own
// publishers and to the base application's currencies, so both mappings are its coupling dependencies.
// Shape: Microsoft Learn, administration-custom-cds-integration; the "Lab Book" sample subscriber
// (codeunit CDSDataverseEvent) read from the public record.
table 50101 "Lab Book"
{
    Caption = 'Lab Book';
    DataClassification = CustomerContent;

    fields
    {
        field(1; "No."; Code[20])
        {
            Caption = 'No.';
        }
        field(2; Title; Text[100])
        {
            Caption = 'Title';
        }
        field(3; Author; Text[100])
        {
            Caption = 'Author';
        }
        field(4; Hardcover; Boolean)
        {
            Caption = 'Hardcover';
        }
        field(5; "Page Count"; Integer)
        {
            Caption = 'Page Count';
        }
        field(6; "Publisher Code"; Code[20])
        {
            Caption = 'Publisher Code';
            TableRelation = "Lab Publisher";
        }
        field(7; "Currency Code"; Code[10])
        {
            Caption = 'Currency Code';
            TableRelation = Currency;
        }
        field(8; "List Price"; Decimal)
        {
            Caption = 'List Price';
        }
    }

    keys
    {
        key(PK; "No.")
        {
            Clustered = true;
        }
    }
}
