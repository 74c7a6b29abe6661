table 50100 "Lab Publisher"
{
    fields
    {
        field(1; "Code"; Code[20]) { Caption = 'Code'; }
        field(2; Name; Text[100]) { Caption = 'Name'; }
        field(3; Active; Boolean) { }
    }
}
