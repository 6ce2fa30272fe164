namespace TclHotline.Intake.Domain;

/// <summary>What a call opens. Numbers match the gRPC enum.</summary>
public enum OrderType
{
    Unspecified = 0,
    Repair = 1,
    Installation = 2,
    WallMount = 3,
    Consultation = 4,
    EngineeringSurvey = 5,
    PreSaleRepair = 6,
    Complaint = 7,
}

public static class OrderTypeFacts
{
    /// <summary>Orders that send someone on site; consultations are answered on the call, complaints go to the desk.</summary>
    public static bool NeedsVisit(this OrderType type) => type is OrderType.Repair or OrderType.Installation
        or OrderType.WallMount or OrderType.EngineeringSurvey or OrderType.PreSaleRepair;

    /// <summary>Orders about one set, which need its product model.</summary>
    public static bool IsAboutOneUnit(this OrderType type) => type is OrderType.Repair or OrderType.Installation
        or OrderType.WallMount or OrderType.PreSaleRepair;

    /// <summary>Orders about a fault in a unit, which need its serial number, a fault category and a description.</summary>
    public static bool IsFaultRepair(this OrderType type) => type is OrderType.Repair or OrderType.PreSaleRepair;
}
