namespace TclHotline.Dispatch.Domain.Network;

/// <summary>The service order types that need someone on site (ServiceOrderOpened.OrderType).</summary>
public enum OrderType
{
    Repair,
    Installation,
    WallMount,
    EngineeringSurvey,
    PreSaleRepair,
}
