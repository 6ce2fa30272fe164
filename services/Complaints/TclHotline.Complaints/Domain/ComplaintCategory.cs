namespace TclHotline.Complaints.Domain;

/// <summary>What the customer complains about. The names are the strings the bus messages carry.</summary>
public enum ComplaintCategory
{
    LateOrMissedVisit,
    EngineerConduct,
    FeeDispute,
    RepairQuality,
    ProductQuality,
    /// <summary>A refused service, a back-dated invoice and the like.</summary>
    DealerConduct,
}
