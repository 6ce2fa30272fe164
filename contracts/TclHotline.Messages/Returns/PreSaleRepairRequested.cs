namespace TclHotline.Messages.Returns;

/// <summary>
/// Rule 18: a unit from a dealer's stock was found damaged or faulty. Intake opens a pre-sale repair order
/// for it at the dealer's shop (the dealer is the customer), which dispatch plans like any other order.
/// </summary>
/// <param name="ReportId">The natural key: one order per report, however often this is delivered.</param>
/// <param name="Finding">CrackedPanel | ScratchedPanel | ScratchedCase | PerformanceFault</param>
/// <param name="DistrictCode">The dealer's shop in the region catalogue (GB/T 2260).</param>
public sealed record PreSaleRepairRequested(
    Guid ReportId,
    string BranchCode,
    string DealerCode,
    string DealerName,
    string ContactPhone,
    string ProvinceCode,
    string CityCode,
    string DistrictCode,
    string StreetAddress,
    string ProductModel,
    string SerialNumber,
    string Finding,
    string Description,
    string ReportedBy,
    DateTimeOffset ReportedAt);
