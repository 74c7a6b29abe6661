// A custom table of the extension: the publishers the lab books relate to.
// Shape: Microsoft Learn, "Customizing an integration with Microsoft Dataverse"
// (learn.microsoft.com/dynamics365/business-central/dev-itpro/administration/administration-custom-cds-integration).
table 50100 "Lab Publisher"
{
    Caption = 'Lab Publisher';
    DataClassification = CustomerContent;

    fields
    {
        field(1; "Code"; Code[20])
        {
            Caption = 'Code';
            NotBlank = true;
        }
        field(2; Name; Text[100])
        {
            Caption = 'Name';
        }
        field(3; "Coupled to Dataverse"; Boolean)
        {
            Caption = 'Coupled to Dataverse';
            Editable = false;
        }
    }

    keys
    {
        key(PK; "Code")
        {
            Clustered = true;
        }
    }
}
