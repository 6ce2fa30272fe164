namespace TclHotline.Intake.Domain;

/// <summary>Who supplies the bracket of a wall mount. Numbers match the gRPC enum.</summary>
public enum BracketSource
{
    Unspecified = 0,
    Company = 1,
    Customer = 2,
}
