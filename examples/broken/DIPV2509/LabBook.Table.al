table 50101 "Lab Book"
{
    fields
    {
        field(1; "No."; Code[20]) { }
        field(2; Title; Text[100]) { }
        field(6; "Publisher Code"; Code[20]) { TableRelation = "Lab Publisher"; }
    }
}
