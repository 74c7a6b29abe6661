// Extensions of a base table and of a base proxy table, as Microsoft's walkthrough extends Customer and
// "CRM Account" to synchronize one more column.
tableextension 50100 "Lab Customer" extends Customer
{
    fields
    {
        field(50100; "Lab Account Code"; Code[20])
        {
            Caption = 'Lab Account Code';
            DataClassification = CustomerContent;
        }
    }
}

tableextension 50101 "Lab CRM Account" extends "CRM Account"
{
    fields
    {
        field(50100; cr703_LabAccountCode; Text[20])
        {
            ExternalName = 'cr703_labaccountcode';
            ExternalType = 'String';
            Caption = 'Lab Account Code';
        }
    }
}
