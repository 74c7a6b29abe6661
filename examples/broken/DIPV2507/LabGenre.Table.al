table 50105 "Lab Genre"
{
    fields
    {
        field(1; "Code"; Code[10]) { }
    }
}
