using TclHotline.Intake.Domain;
using TclHotline.Intake.Domain.Calls;
using TclHotline.Intake.Domain.Warranty;

namespace TclHotline.Intake.Tests.Support;

internal static class Call
{
    public const string Today = "2025-06-01"; // the validator's clock: 10:00 Beijing time

    public static readonly RegisterCallValidator Validator = new(
        Regions.Default, new ProductionDateReader(new SerialDateFormat()), new CallValidationOptions(), Clock.At(Today));

    /// <summary>A valid repair call from Changsha's 芙蓉区.</summary>
    public static readonly RegisterCallInput Repair = new()
    {
        IdempotencyKey = "call-2025-06-01-0001",
        CallId = "pbx-778812",
        AgentId = "A0042",
        CallerNumber = "138 1234 5678",
        CustomerName = "张三",
        ProvinceCode = "43",
        CityCode = "4301",
        DistrictCode = "430102",
        StreetAddress = "五一大道 100 号 3 栋 502",
        OrderType = OrderType.Repair,
        ProductModel = "55P71C",
        SerialNumber = "55P71C2403A00123",
        PurchaseDate = "2025-01-10",
        InvoiceNumber = "044001900111-12345678",
        InvoiceDate = "2025-01-10",
        HasWarrantyCard = true,
        FaultCategory = FaultCategory.Picture,
        FaultDescription = "Sound but no picture since yesterday.",
    };

    public static readonly RegisterCallInput Complaint = Repair with
    {
        OrderType = OrderType.Complaint,
        StreetAddress = null,
        ProductModel = null,
        SerialNumber = null,
        FaultCategory = FaultCategory.Unspecified,
        FaultDescription = null,
        ComplaintCategory = ComplaintCategory.FeeDispute,
        ComplaintDescription = "Charged for a visit inside warranty.",
        RelatedOrderNumber = "SO-20250520-0007",
    };
}
