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
