// Proxy table of the Dataverse table cr703_labpublisher, as the AL Table Proxy Generator (altpgen, which
// microsoft/bc2dataverse src/proxyGen.ts runs) writes them: TableType = CDS, ExternalName on the table and on
// every field, ExternalType and ExternalAccess per field.
table 50102 "CDS cr703_LabPublisher"
{
    ExternalName = 'cr703_labpublisher';
    TableType = CDS;
    Description = 'Publishers of lab books.';

    fields
    {
        field(1; cr703_LabPublisherId; Guid)
        {
            ExternalName = 'cr703_labpublisherid';
            ExternalType = 'Uniqueidentifier';
            ExternalAccess = Insert;
            Description = 'Unique identifier for entity instances';
            Caption = 'Lab Publisher';
        }
        field(2; CreatedOn; Datetime)
        {
            ExternalName = 'createdon';
            ExternalType = 'DateTime';
            ExternalAccess = Read;
            Caption = 'Created On';
        }
        field(4; ModifiedOn; Datetime)
        {
            ExternalName = 'modifiedon';
            ExternalType = 'DateTime';
            ExternalAccess = Read;
            Caption = 'Modified On';
        }
        field(10; cr703_Code; Text[20])
        {
            ExternalName = 'cr703_code';
            ExternalType = 'String';
            Caption = 'Code';
        }
        field(11; cr703_Name; Text[100])
        {
            ExternalName = 'cr703_name';
            ExternalType = 'String';
            Caption = 'Name';
        }
    }

    keys
    {
        key(PK; cr703_LabPublisherId)
        {
            Clustered = true;
        }
        key(Name; cr703_Name)
        {
        }
    }
}
