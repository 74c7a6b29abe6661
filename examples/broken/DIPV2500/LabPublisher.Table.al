table 50100 "Lab Publisher"
{
    Caption = 'Lab Publisher;

    fields
    {
        field(1; "Code"; Code[20]) { }
    }
}
