using Google.Protobuf.WellKnownTypes;
using TclHotline.Grpc.Intake.V1;

namespace TclHotline.Intake.Tests.Support;

/// <summary>Valid RegisterCall requests (today is 2025-06-01 on the host's clock), each with a fresh key.</summary>
internal static class Requests
{
    private static int next;

    public static string Unique(string prefix) => $"{prefix}{Interlocked.Increment(ref next):D5}";

    /// <summary>A unique mainland mobile number.</summary>
    public static string Phone() => "139" + Unique("").PadLeft(8, '0');

    /// <summary>A unique serial whose characters 7–10 say March 2024 (the default serial format).</summary>
    public static string Serial() => "55P71C2403" + Unique("S");

    /// <summary>A repair from Changsha's 芙蓉区 (urban, branch CS), bought 2025-01-10 with an invoice.</summary>
    public static RegisterCallRequest Repair(string? phone = null, string? serial = null) => new()
    {
        IdempotencyKey = Unique("key-"),
        CallId = Unique("pbx-"),
        AgentId = "A0042",
        CallerNumber = phone ?? Phone(),
        CustomerName = "张三",
        ProvinceCode = "43",
        CityCode = "4301",
        DistrictCode = "430102",
        StreetAddress = "五一大道 100 号",
        OrderType = OrderType.Repair,
        ProductModel = "55P71C",
        SerialNumber = serial ?? Serial(),
        PurchaseDate = "2025-01-10",
        InvoiceNumber = "044001900111-1",
        InvoiceDate = "2025-01-10",
        HasWarrantyCard = true,
        FaultCategory = FaultCategory.Picture,
        FaultDescription = "Sound but no picture.",
    };

    public static RegisterCallRequest OfType(OrderType type)
    {
        var r = Repair();
        r.OrderType = type;
        if (type is not (OrderType.Repair or OrderType.PreSaleRepair))
        {
            r.FaultCategory = FaultCategory.Unspecified;
            r.FaultDescription = "";
        }
        if (type == OrderType.WallMount)
            r.BracketSource = BracketSource.Company;
        if (type is OrderType.Consultation or OrderType.EngineeringSurvey)
        {
            r.ProductModel = "";
            r.SerialNumber = "";
        }
        return r;
    }

    public static RegisterCallRequest Complaint(string phone, string relatedOrder = "")
    {
        var r = OfType(OrderType.Consultation);
        r.CallerNumber = phone;
        r.OrderType = OrderType.Complaint;
        r.StreetAddress = "";
        r.ComplaintCategory = ComplaintCategory.LateOrMissedVisit;
        r.ComplaintDescription = "Nobody came.";
        r.RelatedOrderNumber = relatedOrder;
        return r;
    }

    public static Timestamp Beijing(string date, string time) => Timestamp.FromDateTimeOffset(Clock.Local(date, time));
}
