using TclHotline.Intake.Domain;
using TclHotline.Intake.Domain.Fees;
using TclHotline.Intake.Domain.Warranty;
using static TclHotline.Intake.Tests.Support.Clock;

namespace TclHotline.Intake.Tests.Support;

internal static class Estimate
{
    public static readonly FeeEstimator Estimator = new(new FeeOptions());

    public static readonly WarrantyDecision Expired = new()
    {
        AsOf = D("2025-06-01"),
        Coverage = WarrantyCoverage.Expired,
        WholeUnitEnd = D("2023-01-01"),
        MainPartsEnd = D("2025-01-01"),
    };

    public static FeeRequest Repair(FaultCategory fault = FaultCategory.Sound, WarrantyDecision? warranty = null) => new()
    {
        OrderType = OrderType.Repair,
        FaultCategory = fault,
        Warranty = warranty ?? Expired,
        BranchTimeZone = Shanghai,
    };
}
