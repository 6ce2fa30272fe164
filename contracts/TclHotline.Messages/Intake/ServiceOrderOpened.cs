namespace TclHotline.Messages.Intake;

/// <summary>
/// A call opened a service order that needs someone on site (repair, installation, wall mount,
/// engineering survey, pre-sale repair). Consultations are answered on the call and complaints go
/// to the complaint desk, so neither is published as an opened order.
/// </summary>
/// <param name="OrderType">Repair | Installation | WallMount | EngineeringSurvey | PreSaleRepair</param>
/// <param name="ExchangeEligible">The unit qualifies for a free exchange (rules 6–9), for the screen pop and the engineer.</param>
/// <param name="DistrictName">The district's name from the region catalogue (芙蓉区), for people reading boards.</param>
/// <param name="RequestedVisitAt">Set when the customer asked for a later visit than the commitment.</param>
public sealed record ServiceOrderOpened(
    Guid OrderId,
    string OrderNumber,
    DateTimeOffset RegisteredAt,
    string OrderType,
    string BranchCode,
    string ProvinceCode,
    string CityCode,
    string DistrictCode,
    bool IsUrban,
    string CustomerName,
    string CustomerPhone,
    string StreetAddress,
    string ProductModel,
    string SerialNumber,
    string FaultCategory,
    bool InWarranty,
    bool ExchangeEligible,
    DateTimeOffset? RequestedVisitAt,
    string? CallId,
    string DistrictName = "");
