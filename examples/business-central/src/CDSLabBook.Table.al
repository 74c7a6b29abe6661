// Proxy table of the Dataverse table cr703_labbook (the walkthrough's "CDS cr703_LabBook"), in altpgen's shape:
// the lookup to the publisher is a Guid with a TableRelation to the publisher's proxy, the currency lookup a
// Guid to "CRM Transactioncurrency" (StefanMaron/MSDyn365BC.Code.History, BaseApp/Source/Base Application/
// Integration/Dataverse/CRMTransactioncurrency.Table.al).
table 50103 "CDS cr703_LabBook"
{
    ExternalName = 'cr703_labbook';
    TableType = CDS;
    Description = 'Lab books.';

    fields
    {
        field(1; cr703_LabBookId; Guid)
        {
            ExternalName = 'cr703_labbookid';
            ExternalType = 'Uniqueidentifier';
            ExternalAccess = Insert;
            Caption = 'Lab Book';
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
        field(10; cr703_No; Text[20])
        {
            ExternalName = 'cr703_no';
            ExternalType = 'String';
            Caption = 'No.';
        }
        field(11; cr703_Title; Text[100])
        {
            ExternalName = 'cr703_title';
            ExternalType = 'String';
            Caption = 'Title';
        }
        field(12; cr703_Author; Text[100])
        {
            ExternalName = 'cr703_author';
            ExternalType = 'String';
            Caption = 'Author';
        }
        field(13; cr703_Hardcover; Boolean)
        {
            ExternalName = 'cr703_hardcover';
            ExternalType = 'Boolean';
            Caption = 'Hardcover';
        }
        field(14; cr703_PageCount; Integer)
        {
            ExternalName = 'cr703_pagecount';
            ExternalType = 'Integer';
            Caption = 'Page Count';
        }
        field(15; cr703_Publisher; Guid)
        {
            ExternalName = 'cr703_publisher';
            ExternalType = 'Lookup';
            Caption = 'Publisher';
            TableRelation = "CDS cr703_LabPublisher".cr703_LabPublisherId;
        }
        field(16; TransactionCurrencyId; Guid)
        {
            ExternalName = 'transactioncurrencyid';
            ExternalType = 'Lookup';
            Caption = 'Currency';
            TableRelation = "CRM Transactioncurrency".TransactionCurrencyId;
        }
        field(17; cr703_ListPrice; Decimal)
        {
            ExternalName = 'cr703_listprice';
            ExternalType = 'Money';
            Caption = 'List Price';
        }
        field(18; TransactionCurrencyIdName; Text[100])
        {
            ExternalName = 'transactioncurrencyidname';
            ExternalType = 'String';
            ExternalAccess = Read;
            FieldClass = FlowField;
            CalcFormula = lookup("CRM Transactioncurrency".CurrencyName where(TransactionCurrencyId = field(TransactionCurrencyId)));
            Caption = 'Currency Name';
        }
    }

    keys
    {
        key(PK; cr703_LabBookId)
        {
            Clustered = true;
        }
        key(Name; cr703_Title)
        {
        }
    }
}
