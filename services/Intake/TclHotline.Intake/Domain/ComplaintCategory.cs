namespace TclHotline.Intake.Domain;

/// <summary>The categories of ComplaintCallRegistered. Numbers match the gRPC enum.</summary>
public enum ComplaintCategory
{
    Unspecified = 0,
    LateOrMissedVisit = 1,
    EngineerConduct = 2,
    FeeDispute = 3,
    RepairQuality = 4,
    ProductQuality = 5,
    DealerConduct = 6,
}
