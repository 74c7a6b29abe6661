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
